import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { isoOf, useFormats, type Instant } from "~/components/topic/formats";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { TextareaField } from "~/components/ui/textarea-field";
import { saveVersionSchema, VERSION_NOTE_MAX } from "~/forms/draft";

export interface VersionRow {
  number: number;
  note: string;
  createdAt: Instant;
  authorName: string;
}

interface Props {
  versions: VersionRow[];
  mayEdit: boolean;
  refused: boolean;
  lastResult: SubmissionResult<string[]> | null;
  viewing: number | null;
}

/** 版本: the saved versions (each with a link to read it and compare), and the committee's save form. */
export function VersionPanel({ versions, mayEdit, refused, lastResult, viewing }: Props) {
  const { t } = useTranslation();
  const { dateTime } = useFormats();
  return (
    <Card title={<span id="versions">{t("draft.versions.title")}</span>}>
      <div className="space-y-3">
        {versions.length ? (
          <ol className="divide-y divide-stone-100" data-testid="draft-versions">
            {[...versions].reverse().map((v) => (
              <li key={v.number} className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 py-2 text-sm">
                <div className="min-w-0">
                  <p className="font-medium">
                    {t("draft.versions.number", { number: v.number })}
                    {v.note ? <span className="ml-2 break-words font-normal text-stone-700">{v.note}</span> : null}
                  </p>
                  <p className="text-xs text-stone-500">
                    {t("draft.versions.by", { name: v.authorName })}{" "}
                    <time dateTime={isoOf(v.createdAt)}>{dateTime.format(new Date(v.createdAt))}</time>
                  </p>
                </div>
                {viewing === v.number ? null : (
                  <Link to={`?version=${v.number}&against=current#version`} className="inline-flex min-h-[44px] items-center" data-testid={`view-version-${v.number}`}>
                    {t("draft.versions.view")}
                  </Link>
                )}
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-sm text-stone-500">{t("draft.versions.none")}</p>
        )}
        {refused ? <Alert tone="error">{t("draft.versions.notAllowed")}</Alert> : null}
        {mayEdit ? <SaveVersionForm key={versions.length} lastResult={lastResult} /> : null}
      </div>
    </Card>
  );
}

function SaveVersionForm({ lastResult }: { lastResult: SubmissionResult<string[]> | null }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: saveVersionSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-2" data-testid="save-version-form">
      <input type="hidden" name="intent" value="saveVersion" />
      <TextareaField field={fields.note} label={t("draft.versions.noteLabel")} hint={t("draft.versions.noteHint")} rows={2} maxLength={VERSION_NOTE_MAX} />
      <Button>{t("draft.versions.save")}</Button>
    </Form>
  );
}
