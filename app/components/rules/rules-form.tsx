import { getFormProps, getInputProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { rulesSchema, type RulesValues } from "~/forms/rules";
import type { PackId } from "~/workflow/legal-floors";
import { zoneLabel } from "../time-zone";
import { Button } from "../ui/button";
import { SelectField } from "../ui/select-field";
import { Errors, fieldErrors, NumberInput } from "./number-input";
import type { RulesData } from "./rules-summary";

type Num = FieldMetadata<number | undefined>;

function RatioRow({ label, num, den, inclusive }: { label: string; num: Num; den: Num; inclusive?: FieldMetadata<boolean | undefined> }) {
  const { t } = useTranslation();
  const errors = fieldErrors(t, num, den);
  return (
    <fieldset className="space-y-1" data-testid={`ratio-${num.name}`}>
      <legend className="text-sm font-medium text-stone-800">{label}</legend>
      <div className="flex flex-wrap items-center gap-2">
        <NumberInput field={num} label={`${label} ${t("rulesEdit.numerator")}`} className="w-20" />
        <span aria-hidden="true">/</span>
        <NumberInput field={den} label={`${label} ${t("rulesEdit.denominator")}`} className="w-20" />
        {inclusive ? (
          <label className="flex min-h-[44px] items-center gap-2 text-sm">
            <input {...getInputProps(inclusive, { type: "checkbox" })} key={inclusive.key} className="h-5 w-5" />
            {t("rulesEdit.inclusive")}
          </label>
        ) : null}
      </div>
      <Errors id={num.errorId} messages={errors} />
    </fieldset>
  );
}

function NumberRow({ label, field, unit }: { label: string; field: Num; unit: string }) {
  const { t } = useTranslation();
  return (
    <div className="space-y-1">
      <label htmlFor={field.id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <div className="flex items-center gap-2">
        <NumberInput field={field} label={label} />
        <span className="text-sm text-stone-600">{unit}</span>
      </div>
      <Errors id={field.errorId} messages={fieldErrors(t, field)} />
    </div>
  );
}

/** The street admin's form for the rules' numbers. Works without JavaScript; the server checks again. */
/** The zone select's choices: the named ones (China's first) with their offset, then every other zone by its IANA id. */
function zoneOptions(t: ReturnType<typeof useTranslation>["t"], zones: string[], at: Date) {
  return zones.map((zone) => {
    const named = t(`timeZone.names.${zone}`, { defaultValue: "" });
    return { value: zone, label: named ? `${zoneLabel(t, zone, at)} · ${zone}` : zone };
  });
}

export function RulesForm({ rules, packId, lastResult, timeZones, at }: { rules: RulesData; packId: PackId; lastResult?: SubmissionResult<string[]>; timeZones: string[]; at: Date }) {
  const { t } = useTranslation();
  const values = Object.fromEntries(Object.entries(rules).map(([k, v]) => [k, typeof v === "boolean" ? (v ? "on" : "") : String(v)]));
  const [form, fields] = useForm<RulesValues>({
    id: "rules-form",
    lastResult,
    defaultValue: values,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: rulesSchema(packId) }),
    shouldValidate: "onBlur",
  });
  const days = t("rulesEdit.daysUnit");
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4" data-testid="rules-form">
      <input type="hidden" name="intent" value="rules" />
      <div className="grid gap-4 sm:grid-cols-2">
        <RatioRow label={t("rules.quorum")} num={fields.quorumNum} den={fields.quorumDen} inclusive={fields.quorumInclusive} />
        <RatioRow label={t("rules.pass")} num={fields.passNum} den={fields.passDen} inclusive={fields.passInclusive} />
        <RatioRow label={t("rules.meetingRequest")} num={fields.meetingRequestNum} den={fields.meetingRequestDen} />
        <NumberRow label={t("rules.cosign")} field={fields.cosignThreshold} unit={t("rulesEdit.peopleUnit")} />
        <NumberRow label={t("rulesEdit.cosignWindow")} field={fields.cosignWindowDays} unit={days} />
        <NumberRow label={t("rules.screening")} field={fields.screeningDays} unit={days} />
        <NumberRow label={t("rules.publicity")} field={fields.publicityDays} unit={days} />
        <NumberRow label={t("rules.meetingNotice")} field={fields.meetingNoticeDays} unit={days} />
        <NumberRow label={t("rules.ratingWindow")} field={fields.ratingWindowDays} unit={days} />
        <NumberRow label={t("rules.satisfaction")} field={fields.satisfactionThresholdPct} unit={t("rulesEdit.percent")} />
        <NumberRow label={t("rules.stalled")} field={fields.stalledDays} unit={days} />
        <SelectField field={fields.timeZone} label={t("timeZone.setting")} hint={t("timeZone.settingHint")} options={zoneOptions(t, timeZones, at)} />
      </div>
      <Button>{t("rulesEdit.save")}</Button>
    </Form>
  );
}
