import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { z } from "~/forms/zod";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { SelectField } from "~/components/ui/select-field";
import { translateError } from "~/forms/messages";
import { proposeSchema } from "~/forms/topic";
import { PhotoInput } from "./photo-input";
import { SimilarTopics, type SimilarTopic } from "./similar-topics";
import { TextareaField } from "../ui/textarea-field";
import { useSimilarTopics } from "./use-similar-topics";

export interface ProposeFormProps {
  slug: string;
  catalogue: Array<{ code: string; nameZh: string; nameEn: string }>;
  fileAsChoices: Array<"resident" | "committee">;
  draft: { title: string; description: string; location: string; category: string; showName: boolean };
  similar: { query: string; topics: SimilarTopic[] };
  photos: { max: number; maxBytes: number; sizeLabel: string };
  lastResult?: SubmissionResult<string[]>;
}

// The "find similar topics" button GETs this page with the typed fields: nothing to validate then.
const lookupSchema = z.object({ title: z.string().optional() });

export function ProposeForm({ slug, catalogue, fileAsChoices, draft, similar, photos, lastResult }: ProposeFormProps) {
  const { t, i18n } = useTranslation();
  const navigation = useNavigation();
  const path = `/c/${slug}/topics/new`;
  const lookup = useSimilarTopics(path, similar);
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { ...draft, showName: draft.showName ? "on" : undefined, fileAs: fileAsChoices[0] },
    onValidate: ({ formData, submitter }) =>
      parseWithZod(formData, { schema: submitter?.getAttribute("formmethod") === "get" ? lookupSchema : proposeSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const en = i18n.language === "en";
  const submitting = navigation.state === "submitting" && navigation.formMethod?.toLowerCase() === "post";
  return (
    <Form method="post" action={path} encType="multipart/form-data" {...getFormProps(form)} className="space-y-4">
      {form.errors?.length ? <Alert tone="error">{form.errors.map((e) => translateError(t, e)).join(" ")}</Alert> : null}
      <div onInput={(e) => (e.target as HTMLInputElement).name === "title" && lookup.onTitleInput((e.target as HTMLInputElement).value)}>
        <Field field={fields.title} label={t("propose.titleLabel")} hint={t("propose.titleHint")} autoComplete="off" />
      </div>
      <SimilarTopics slug={slug} query={lookup.query} topics={lookup.topics} busy={lookup.busy} />
      <Button variant="secondary" formMethod="get" formNoValidate formAction={path} data-testid="find-similar">
        {t("propose.similarFind")}
      </Button>
      <TextareaField field={fields.description} label={t("propose.description")} hint={t("propose.descriptionHint")} rows={6} />
      <SelectField
        field={fields.category}
        label={t("propose.category")}
        options={[{ value: "", label: t("propose.categoryPlaceholder") }, ...catalogue.map((c) => ({ value: c.code, label: en ? c.nameEn : c.nameZh }))]}
      />
      <Field field={fields.location} label={t("propose.location")} hint={t("propose.locationHint")} />
      <PhotoInput name="photos" max={photos.max} maxBytes={photos.maxBytes} sizeLabel={photos.sizeLabel} errors={form.allErrors.photos ?? []} />
      <div className="flex items-start gap-3">
        <input {...getInputProps(fields.showName, { type: "checkbox" })} key={fields.showName.key} className="mt-1 h-5 w-5 shrink-0" />
        <label htmlFor={fields.showName.id} className="text-sm">
          <span className="font-medium">{t("propose.showName")}</span>
          <span className="block text-xs text-stone-500">{t("propose.showNameHint")}</span>
        </label>
      </div>
      {fileAsChoices.length > 1 ? (
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium text-stone-800">{t("propose.fileAs")}</legend>
          {fileAsChoices.map((choice) => (
            <label key={choice} className="flex min-h-[44px] items-center gap-3 text-sm">
              <input {...getInputProps(fields.fileAs, { type: "radio", value: choice })} key={`${fields.fileAs.key}-${choice}`} className="h-5 w-5" />
              {t(choice === "committee" ? "propose.fileAsCommittee" : "propose.fileAsResident")}
            </label>
          ))}
        </fieldset>
      ) : (
        <input type="hidden" name="fileAs" value={fileAsChoices[0]} />
      )}
      <Button className="w-full sm:w-auto" disabled={submitting} data-testid="submit-topic">
        {submitting ? t("propose.submitting") : t("propose.submit")}
      </Button>
    </Form>
  );
}
