import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { OBJECTION_ANSWER_MAX, OBJECTION_MAX } from "~/forms/limits";
import { translateError } from "~/forms/messages";

/** A refused objection or answer, as the topic page's action returned it. */
export interface ObjectionRefusal {
  intent: "object" | "answerObjection";
  problem: string | null;
  objectionId: number | null;
  fieldErrors: Record<string, string[] | null | undefined>;
}

const textareaClass = "block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base";

function useFieldErrors(refusal: ObjectionRefusal | null) {
  const { t } = useTranslation();
  return (name: string) => (refusal?.fieldErrors[name] ?? []).map((e) => translateError(t, e)).join(" ");
}

function Problem({ refusal }: { refusal: ObjectionRefusal | null }) {
  const { t } = useTranslation();
  return refusal?.problem ? <Alert tone="error">{t(`resolutions.problems.${refusal.problem}`)}</Alert> : null;
}

/** 提出异议: a resident or representative objects while the resolution is published. */
export function ObjectForm({ until, refusal }: { until: string; refusal: ObjectionRefusal | null }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "object";
  const error = useFieldErrors(refusal)("body");
  return (
    <Form method="post" className="space-y-2 rounded-md border border-amber-200 bg-amber-50/50 p-3" data-testid="object-form" aria-labelledby="object-title">
      <input type="hidden" name="intent" value="object" />
      <h4 id="object-title" className="font-semibold text-stone-900">
        {t("resolutions.object.title")}
      </h4>
      <p className="text-sm text-stone-600">{t("resolutions.object.hint", { date: until })}</p>
      <label htmlFor="objection-body" className="block text-sm font-medium text-stone-800">
        {t("resolutions.object.label")}
      </label>
      <textarea id="objection-body" name="body" rows={3} required maxLength={OBJECTION_MAX} aria-invalid={error ? true : undefined} className={textareaClass} />
      {error ? <p className="text-sm text-red-700">{error}</p> : null}
      <Problem refusal={refusal} />
      <Button disabled={busy} className="w-full sm:w-auto">
        {t("resolutions.object.submit")}
      </Button>
    </Form>
  );
}

/**
 * 答复异议: the committee's written answer and its finding. Each finding says what it does, because
 * "upheld" revokes the resolution and sends the topic back to be redrafted.
 */
export function AnswerForm({ objectionId, refusal }: { objectionId: number; refusal: ObjectionRefusal | null }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("objectionId") === String(objectionId);
  const errorOf = useFieldErrors(refusal);
  const id = `answer-${objectionId}`;
  const upheldError = errorOf("upheld");
  return (
    <Form method="post" className="mt-3 space-y-2 border-t border-dashed border-stone-300 pt-3" data-testid="answer-form" aria-labelledby={`${id}-title`}>
      <input type="hidden" name="intent" value="answerObjection" />
      <input type="hidden" name="objectionId" value={objectionId} />
      <h5 id={`${id}-title`} className="font-semibold text-stone-900">
        {t("resolutions.answer.title")}
      </h5>
      <label htmlFor={`${id}-text`} className="block text-sm font-medium text-stone-800">
        {t("resolutions.answer.label")}
      </label>
      <textarea id={`${id}-text`} name="answer" rows={3} required maxLength={OBJECTION_ANSWER_MAX} aria-invalid={errorOf("answer") ? true : undefined} className={textareaClass} />
      {errorOf("answer") ? <p className="text-sm text-red-700">{errorOf("answer")}</p> : null}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-stone-800">{t("resolutions.answer.decision")}</legend>
        {(["no", "yes"] as const).map((value) => (
          <label
            key={value}
            className={`flex min-h-[44px] cursor-pointer gap-3 rounded-md border p-3 text-sm ${value === "yes" ? "border-red-200 has-[:checked]:bg-red-50" : "border-stone-200 has-[:checked]:bg-stone-50"}`}
          >
            <input type="radio" name="upheld" value={value} required className="mt-0.5 h-5 w-5 shrink-0" />
            <span>
              <span className={`block font-medium ${value === "yes" ? "text-red-800" : "text-stone-900"}`}>{t(`resolutions.answer.${value}`)}</span>
              <span className="block text-stone-600">{t(`resolutions.answer.${value}Hint`)}</span>
            </span>
          </label>
        ))}
        {upheldError ? <p className="text-sm text-red-700">{upheldError}</p> : null}
      </fieldset>
      <Problem refusal={refusal} />
      <Button disabled={busy} className="w-full sm:w-auto">
        {t("resolutions.answer.submit")}
      </Button>
    </Form>
  );
}
