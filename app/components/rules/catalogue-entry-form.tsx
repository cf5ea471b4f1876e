import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { PackId } from "~/workflow/legal-floors";
import { catalogueAddSchema, catalogueEditSchema, type CatalogueValues } from "~/forms/rules";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { Errors, fieldErrors, NumberInput } from "./number-input";

export interface CatalogueEntryData {
  id: number;
  nameZh: string;
  nameEn: string;
  needsVote: boolean;
  needsPublicity: boolean;
  important: boolean;
  fourTwo: boolean;
  passOfAll: boolean;
  ownersDecide: boolean;
  consultationOptional: boolean;
  decidedBy: "representatives" | "assembly";
  passNum: number | null;
  passDen: number | null;
}

/** Adds a catalogue entry, or edits one (`entry` given). */
export function CatalogueEntryForm({ packId, entry, lastResult }: { packId: PackId; entry?: CatalogueEntryData; lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation();
  const intent = entry ? "catalogueEdit" : "catalogueAdd";
  const schema = entry ? catalogueEditSchema(packId) : catalogueAddSchema(packId);
  const [form, fields] = useForm<CatalogueValues>({
    id: entry ? `catalogue-edit-${entry.id}` : "catalogue-add",
    lastResult,
    defaultValue: entry
      ? {
          nameZh: entry.nameZh,
          nameEn: entry.nameEn,
          needsVote: entry.needsVote ? "on" : "",
          needsPublicity: entry.needsPublicity ? "on" : "",
          important: entry.important ? "on" : "",
          fourTwo: entry.fourTwo ? "on" : "",
          passOfAll: entry.passOfAll ? "on" : "",
          ownersDecide: entry.ownersDecide ? "on" : "",
          consultationOptional: entry.consultationOptional ? "on" : "",
          assemblyDecides: entry.decidedBy === "assembly" ? "on" : "",
          passNum: entry.passNum === null ? "" : String(entry.passNum),
          passDen: entry.passDen === null ? "" : String(entry.passDen),
        }
      : { needsVote: "on", needsPublicity: "on" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onBlur",
  });
  const check = (field: typeof fields.needsVote, label: string) => (
    <label className="flex min-h-[44px] items-center gap-2 text-sm">
      <input {...getInputProps(field, { type: "checkbox" })} key={field.key} className="h-5 w-5" />
      {label}
    </label>
  );
  return (
    <Form method="post" {...getFormProps(form)} className="grid gap-3 sm:grid-cols-2" data-testid={entry ? "catalogue-edit-form" : "catalogue-add-form"}>
      <input type="hidden" name="intent" value={intent} />
      {entry ? <input type="hidden" name="id" value={entry.id} /> : null}
      <Field field={fields.nameZh} label={t("rulesEdit.nameZh")} />
      <Field field={fields.nameEn} label={t("rulesEdit.nameEn")} />
      <div className="flex flex-wrap gap-x-4">
        {check(fields.needsVote, t("rules.needsVote"))}
        {check(fields.needsPublicity, t("rules.needsPublicity"))}
        {check(fields.important, t("rulesEdit.important"))}
        {packId === "villagers-representatives" || entry?.fourTwo ? check(fields.fourTwo, t("fourTwo.rules.checkbox")) : null}
        {check(fields.ownersDecide, t("rulesEdit.ownersDecide"))}
        {check(fields.passOfAll, t("rulesEdit.passOfAll"))}
        {check(fields.consultationOptional, t("rulesEdit.consultationOptional"))}
        {/* 村委会组织法 Art. 28: a village's matters only its assembly decides. */}
        {packId === "villagers-representatives" ? check(fields.assemblyDecides, t("powers.catalogue.decidedBy")) : null}
      </div>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-stone-800">{t("rules.passOverride")}</legend>
        <div className="flex items-center gap-2">
          <NumberInput field={fields.passNum} label={t("rulesEdit.passNum")} className="w-20" />
          <span aria-hidden="true">/</span>
          <NumberInput field={fields.passDen} label={t("rulesEdit.passDen")} className="w-20" />
        </div>
        <p className="text-xs text-stone-500">{t("rulesEdit.passHint")}</p>
        <Errors id={fields.passNum.errorId} messages={fieldErrors(t, fields.passNum, fields.passDen)} />
      </fieldset>
      <div className="sm:col-span-2">
        <Button>{entry ? t("rulesEdit.saveEntry") : t("rulesEdit.catalogueAdd")}</Button>
      </div>
    </Form>
  );
}
