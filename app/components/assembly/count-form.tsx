import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Button } from "~/components/ui/button";

/** 登记计票结果: the convener records an assembly motion's counted hands with its tellers; confirmed, irreversible. */
export function CountForm({ motionId, present }: { motionId: number; present: number }) {
  const { t } = useTranslation();
  const number = (name: "yes" | "no" | "abstain") => (
    <label className="block text-sm font-medium text-stone-700">
      {t(`assembly.count.${name}`)}
      <input type="number" name={name} min={0} max={present} required inputMode="numeric" className="mt-1 block min-h-[48px] w-full rounded-md border border-stone-300 px-3 text-lg tabular-nums" />
    </label>
  );
  return (
    <Form method="post" className="space-y-3 rounded-md border border-stone-200 bg-stone-50 p-3" data-testid="count-form">
      <input type="hidden" name="intent" value="count" />
      <input type="hidden" name="motionId" value={motionId} />
      <p className="font-medium text-stone-900">{t("assembly.count.title")}</p>
      <p className="text-xs text-stone-600">{t("assembly.count.intro", { present })}</p>
      <div className="grid grid-cols-3 gap-2">
        {number("yes")}
        {number("no")}
        {number("abstain")}
      </div>
      <label className="block text-sm font-medium text-stone-700">
        {t("assembly.count.countedBy")}
        <input type="text" name="countedBy" required maxLength={100} className="mt-1 block min-h-[44px] w-full rounded-md border border-stone-300 px-3" />
      </label>
      <label className="flex min-h-[44px] items-center gap-3 text-sm">
        <input type="checkbox" name="confirm" value="on" required className="h-5 w-5 accent-hall-600" />
        {t("assembly.count.confirm")}
      </label>
      <Button>{t("assembly.count.submit")}</Button>
    </Form>
  );
}
