import { useTranslation } from "~/i18n/use-translation";
import { Card } from "~/components/ui/card";
import { Alert } from "~/components/ui/alert";
import { translateError } from "~/forms/messages";
import { CallItem, showsForm } from "./call-item";
import { SendCallForm } from "./send-call-form";
import { refusalFor, type CallRefusal, type CallRow, type DepartmentOption } from "./types";

export interface CallsSectionData {
  calls: CallRow[];
  mayAct: boolean;
  departments: DepartmentOption[];
  tasks: Array<{ id: number; title: string }>;
}

/** 部门响应: the topic's calls on the street's departments, each with its history; the committee's 吹哨 form while the topic is active. */
export function CallsCard({ section, slug, task, refusal }: { section: CallsSectionData; slug: string; task: number | null; refusal: CallRefusal | null }) {
  const { t } = useTranslation();
  // A refused post whose form is not on the page now (the call moved on, or the person may not act): said at the top.
  const target = refusal && refusal.intent !== "sendCall" ? section.calls.find((c) => c.id === refusal.id) : null;
  const stray = refusal && refusal.intent !== "sendCall" && !(section.mayAct && target && showsForm(target, refusal.intent)) ? refusal : null;
  const strayErrors = Object.values((stray?.result as { error?: Record<string, string[] | null> } | null)?.error ?? {}).flatMap((e) => e ?? []);
  return (
    <section id="calls" className="scroll-mt-4" data-testid="calls-card">
      <Card title={t("callsCommunity.title")}>
        <div className="space-y-3">
          {stray ? <Alert tone="error">{stray.problem ? t(`call.problems.${stray.problem}`) : strayErrors.length ? strayErrors.map((e) => translateError(t, e)).join(" ") : t("errors.altered")}</Alert> : null}
          {section.mayAct ? <p className="text-sm text-stone-600">{t("callsCommunity.hint")}</p> : null}
          {section.calls.length ? (
            <ul className="space-y-3">
              {section.calls.map((call) => (
                <CallItem key={call.id} call={call} slug={slug} mayAct={section.mayAct} departments={section.departments} refusal={refusal} />
              ))}
            </ul>
          ) : (
            <p className="text-sm text-stone-600">{t("callsCommunity.none")}</p>
          )}
          {section.mayAct ? <SendCallForm departments={section.departments} tasks={section.tasks} task={task} refusal={refusalFor(refusal, "sendCall")} /> : null}
        </div>
      </Card>
    </section>
  );
}
