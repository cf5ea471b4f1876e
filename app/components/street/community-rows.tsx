import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { translateError } from "~/forms/messages";
import { PLACE_NAME_MAX } from "~/forms/communities";
import { Button } from "~/components/ui/button";
import { ConfirmTick } from "~/components/ui/confirm-tick";

interface Row {
  slug: string;
  nameZh: string;
  nameEn: string;
  kind: "urban" | "village";
  archivedAt: number | null;
  timeZone: string;
}

const inputClass = "mt-1 block w-full min-h-[44px] rounded-md border border-stone-300 px-3 py-2 text-base";

function Heading({ c }: { c: Row }) {
  const { t } = useTranslation();
  return (
    <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
      <span className="text-base font-semibold">{c.nameZh}</span>
      <span className="text-sm text-stone-600">{c.nameEn}</span>
      <code className="text-sm text-stone-600">/c/{c.slug}</code>
      <span className="text-sm text-stone-600">{t(`streetCommunities.kind_${c.kind}`)}</span>
      <Link to={`/c/${c.slug}`} className="text-sm">
        {t("streetCommunities.open")}
      </Link>
    </p>
  );
}

function Problem({ problem }: { problem: string | null }) {
  const { t } = useTranslation();
  return problem ? (
    <p role="alert" className="text-sm text-red-700">
      {translateError(t, problem)}
    </p>
  ) : null;
}

/** An active community: rename it (the slug stays) or archive it (ticked, as irreversible acts are). */
export function CommunityRow({ c, problem }: { c: Row; problem: string | null }) {
  const { t } = useTranslation();
  return (
    <li className="space-y-3 py-4" data-community={c.slug}>
      <Heading c={c} />
      <Problem problem={problem} />
      <Form method="post" className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
        <input type="hidden" name="intent" value="rename" />
        <input type="hidden" name="slug" value={c.slug} />
        <label className="text-sm">
          {t("streetCommunities.nameZh")}
          <input name="nameZh" defaultValue={c.nameZh} required maxLength={PLACE_NAME_MAX} className={inputClass} />
        </label>
        <label className="text-sm">
          {t("streetCommunities.nameEn")}
          <input name="nameEn" defaultValue={c.nameEn} required maxLength={PLACE_NAME_MAX} className={inputClass} />
        </label>
        <Button variant="secondary">{t("streetCommunities.rename")}</Button>
      </Form>
      <Form method="post" className="space-y-2">
        <input type="hidden" name="intent" value="archive" />
        <input type="hidden" name="slug" value={c.slug} />
        <ConfirmTick label={t("streetCommunities.archiveConfirm")} />
        <Button variant="danger">{t("streetCommunities.archive")}</Button>
      </Form>
    </li>
  );
}

/** An archived community: when, and restore it. */
export function ArchivedCommunityRow({ c, problem }: { c: Row; problem: string | null }) {
  const { t, i18n } = useTranslation();
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeZone: c.timeZone }).format(c.archivedAt ?? 0);
  return (
    <li className="space-y-2 py-4" data-community={c.slug}>
      <Heading c={c} />
      <p className="text-sm text-stone-600">{t("streetCommunities.archivedOn", { date })}</p>
      <Problem problem={problem} />
      <Form method="post">
        <input type="hidden" name="intent" value="restore" />
        <input type="hidden" name="slug" value={c.slug} />
        <Button variant="secondary">{t("streetCommunities.restore")}</Button>
      </Form>
    </li>
  );
}
