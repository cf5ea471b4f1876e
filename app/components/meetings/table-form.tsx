import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useRouteLoaderData } from "@remix-run/react";
import { powersArticles } from "~/workflow/powers";
import { useTranslation } from "~/i18n/use-translation";
import { Button } from "~/components/ui/button";
import { SelectField } from "~/components/ui/select-field";
import { tableSchema } from "~/forms/meetings";
import { ON_FAIL } from "~/workflow/meetings";

export interface TableableTopic {
  id: number;
  number: number;
  title: string;
  /** Why this meeting may not take it (only an assembly: powers-matters.server.ts), said before the convener tries. */
  block?: "undoNeedsAssembly" | "assemblyMatter" | null;
}

/** 列入表决事项 (convener, before the meeting): a frozen topic, named or secret, and what happens if it fails. */
export function TableForm({ topics, lastResult }: { topics: TableableTopic[]; lastResult: SubmissionResult<string[]> | null }) {
  const { t, i18n } = useTranslation();
  const kind = (useRouteLoaderData("root") as { kind?: "urban" | "village" } | undefined)?.kind ?? "urban";
  const blocked = topics.filter((topic) => topic.block);
  const [form, fields] = useForm({
    id: "table-motion",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: tableSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <section className="space-y-3 rounded-lg border border-dashed border-stone-400 bg-white p-4 sm:p-5" data-testid="table-form">
      <h3 className="text-sm font-semibold text-stone-900">{t("meetings.table.title")}</h3>
      {topics.length ? (
        <Form method="post" {...getFormProps(form)} className="space-y-3">
          <input type="hidden" name="intent" value="table" />
          <SelectField field={fields.topicId} label={t("meetings.table.topic")} options={topics.map((topic) => ({ value: String(topic.id), label: `#${topic.number} ${topic.title}` }))} />
          {blocked.length ? (
            <ul className="space-y-1 text-xs text-orange-900" data-testid="table-blocked">
              {blocked.map((topic) => (
                <li key={topic.id}>
                  #{topic.number} {topic.title}: {t(`meetings.problems.${topic.block}`, powersArticles(kind, i18n.language === "en" ? "en" : "zh-CN"))}
                </li>
              ))}
            </ul>
          ) : null}
          <label className="flex min-h-[44px] items-center gap-3 text-sm text-stone-800">
            <input type="checkbox" name={fields.secret.name} className="h-5 w-5 accent-hall-600" />
            {t("meetings.table.secret")}
          </label>
          <SelectField field={fields.onFail} label={t("meetings.table.onFail")} options={ON_FAIL.map((v) => ({ value: v, label: t(v === "revise" ? "meetings.agenda.onFailRevise" : "meetings.agenda.onFailClose") }))} />
          <Button>{t("meetings.table.submit")}</Button>
        </Form>
      ) : (
        <p className="text-sm text-stone-600">{t("meetings.table.none")}</p>
      )}
    </section>
  );
}
