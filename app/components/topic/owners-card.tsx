import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import type { ownersSchema } from "~/forms/owners";
import type { z } from "~/forms/zod";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { Field } from "~/components/ui/field";
import { areaText, type OwnersCheck, type OwnersFigures } from "~/workflow/owners";
import { ARTICLES, citeArticle, type Ratio } from "~/workflow/rule-packs";

export interface OwnersData {
  decision: {
    heldOn: string;
    recordedBy: string;
    figures: OwnersFigures;
    checks: Array<{ check: OwnersCheck; part: number; whole: number; ratio: Ratio; met: boolean; area: boolean }>;
    passed: boolean;
  } | null;
  mayRecord: boolean;
  today: string;
  earliest: string;
}

const IMPOSSIBLE = new Set(["noOwners", "participantsOverTotal", "areaOverTotal", "consentingOverParticipants", "consentingAreaOverParticipantsArea", "areaWithoutOwners", "ownersWithoutArea"]);

/**
 * 业主共同决定 on the page of a matter the building's owners decide (民法典 Art. 278): the article, the
 * recorded result with each of the four checks the hall made, or (for the committee) the form to record it.
 */
export function OwnersCard({ owners, refusal }: { owners: OwnersData; refusal: { problem: string | null; result: SubmissionResult<string[]> | null } | null }) {
  const { t, i18n } = useTranslation();
  const article = citeArticle("civilCode:278", i18n.language === "en" ? "en" : "zh-CN");
  const d = owners.decision;
  const problem = refusal?.problem ? (IMPOSSIBLE.has(refusal.problem) ? `owners.impossible.${refusal.problem}` : `owners.problems.${refusal.problem}`) : null;
  return (
    <div id="owners" className="scroll-mt-4" data-testid="owners" data-passed={d ? String(d.passed) : "pending"}>
      <Card title={t("owners.title")}>
        <div className="space-y-3 text-sm">
          <p className="text-stone-700">{t("owners.basis", { article })}</p>
          <blockquote className="border-l-4 border-stone-300 pl-3 text-stone-600">{ARTICLES["civilCode:278"].textZh}</blockquote>
          {d ? (
            <>
              <p className={`font-medium ${d.passed ? "text-green-800" : "text-red-800"}`} data-testid="owners-verdict">
                {t(d.passed ? "owners.passed" : "owners.notPassed", { date: d.heldOn })}
              </p>
              <ul className="space-y-1.5">
                {d.checks.map((c) => (
                  <li key={c.check} className="flex gap-2" data-testid="owners-check" data-check={c.check} data-met={c.met}>
                    <span aria-hidden="true" className={c.met ? "text-green-700" : "text-red-700"}>
                      {c.met ? "✓" : "✗"}
                    </span>
                    <span>
                      {t(`owners.checks.${c.check}`, {
                        part: c.area ? areaText(c.part) : c.part,
                        whole: c.area ? areaText(c.whole) : c.whole,
                        num: c.ratio.num,
                        den: c.ratio.den,
                      })}
                      {" — "}
                      <span className={c.met ? "text-green-800" : "text-red-800"}>{t(c.met ? "owners.met" : "owners.notMet")}</span>
                    </span>
                  </li>
                ))}
              </ul>
              <p className="text-xs text-stone-500">{t("owners.recordedBy", { name: d.recordedBy, article })}</p>
            </>
          ) : (
            <p className="font-medium text-amber-900">{t("owners.pending")}</p>
          )}
          {problem ? <Alert tone="error">{t(problem)}</Alert> : null}
          {owners.mayRecord ? <OwnersForm owners={owners} lastResult={refusal?.result ?? null} /> : null}
        </div>
      </Card>
    </div>
  );
}

function OwnersForm({ owners, lastResult }: { owners: OwnersData; lastResult: SubmissionResult<string[]> | null }) {
  const { t } = useTranslation();
  const [form, fields] = useForm<z.input<typeof ownersSchema>>({
    id: "owners-form",
    lastResult,
    defaultValue: { heldOn: owners.today },
    // Checked by the server (the action answers with the form's errors): a client-side schema would bring zod into every topic page's JavaScript.
  });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3 border-t border-stone-100 pt-3" data-testid="owners-form">
      <input type="hidden" name="intent" value="ownersDecision" />
      <h3 className="font-semibold text-stone-900">{t("owners.form.title")}</h3>
      <p className="text-stone-600">{t("owners.form.hint")}</p>
      <Field field={fields.heldOn} type="date" label={t("owners.form.heldOn")} hint={t("party.form.reviewedOnHint", { earliest: owners.earliest, today: owners.today })} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field field={fields.ownersTotal} type="number" inputMode="numeric" label={t("owners.form.ownersTotal")} />
        <Field field={fields.areaTotal} label={t("owners.form.areaTotal")} inputMode="text" />
        <Field field={fields.participants} type="number" inputMode="numeric" label={t("owners.form.participants")} />
        <Field field={fields.participantsArea} label={t("owners.form.participantsArea")} inputMode="text" />
        <Field field={fields.consenting} type="number" inputMode="numeric" label={t("owners.form.consenting")} />
        <Field field={fields.consentingArea} label={t("owners.form.consentingArea")} inputMode="text" />
      </div>
      <Button className="w-full sm:w-auto">{t("owners.form.submit")}</Button>
    </Form>
  );
}
