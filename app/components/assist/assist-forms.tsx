import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { ConfirmTick } from "~/components/ui/confirm-tick";
import { CHANNELS, KINDS } from "~/forms/assist";
import { STANCES } from "~/forms/consultation";
import { RATINGS } from "~/workflow/execution";

type Kind = (typeof KINDS)[number];
interface TopicOption {
  id: number;
  number: number;
  title: string;
}
export interface AssistFormsData {
  residents: { id: number; name: string; pending: boolean }[];
  topics: { cosign: TopicOption[]; answer: TopicOption[]; rating: TopicOption[] };
}

const CONTROL = "block min-h-[44px] w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base shadow-sm";

function Labelled({ label, hint, children }: { label: string; hint?: string; children: ReactNode }) {
  return (
    <label className="block space-y-1 text-sm">
      <span className="font-medium text-stone-800">{label}</span>
      {children}
      {hint ? <span className="block text-xs text-stone-500">{hint}</span> : null}
    </label>
  );
}

function Select({ name, options }: { name: string; options: { value: string | number; label: string }[] }) {
  return (
    <select name={name} required className={CONTROL}>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/** One of the four 代录 forms: for whom, how they asked, what, and the tick that they asked. Works without JavaScript. */
function AssistForm({ kind, data, children }: { kind: Kind; data: AssistFormsData; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card title={t(`assist.kinds.${kind}`)}>
      <Form method="post" className="space-y-3" data-testid={`assist-form-${kind}`}>
        <input type="hidden" name="intent" value={kind} />
        <Labelled label={t("assist.form.person")} hint={t("assist.form.personHint")}>
          <Select name="personId" options={data.residents.map((r) => ({ value: r.id, label: r.pending ? t("assist.form.pending", { name: r.name }) : r.name }))} />
        </Labelled>
        <fieldset className="space-y-1 text-sm">
          <legend className="font-medium text-stone-800">{t("assist.form.channel")}</legend>
          <div className="flex flex-wrap gap-3">
            {CHANNELS.map((c, i) => (
              <label key={c} className="flex min-h-[44px] items-center gap-2">
                <input type="radio" name="channel" value={c} defaultChecked={i === 0} className="h-5 w-5" />
                {t(`assist.channels.${c}`)}
              </label>
            ))}
          </div>
        </fieldset>
        {children}
        <ConfirmTick label={t("assist.form.confirm")} />
        <Button>{t("assist.form.submit")}</Button>
      </Form>
    </Card>
  );
}

function TopicSelect({ topics }: { topics: TopicOption[] }) {
  const { t } = useTranslation();
  return (
    <Labelled label={t("assist.form.topic")} hint={t("assist.form.topicHint")}>
      <Select name="topicId" options={topics.map((x) => ({ value: x.id, label: `#${x.number} ${x.title}` }))} />
    </Labelled>
  );
}

/** The staff's four forms; a kind with no topic to take it says so instead. */
export function AssistForms({ data }: { data: AssistFormsData }) {
  const { t } = useTranslation();
  const none = <p className="text-sm text-stone-500">{t("assist.form.noTopics")}</p>;
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <AssistForm kind="cosign" data={data}>
        {data.topics.cosign.length ? <TopicSelect topics={data.topics.cosign} /> : none}
      </AssistForm>
      <AssistForm kind="topic" data={data}>
        <Labelled label={t("assist.form.newTitle")}>
          <input name="title" required maxLength={80} className={CONTROL} />
        </Labelled>
        <Labelled label={t("assist.form.description")}>
          <textarea name="description" required rows={3} maxLength={2000} className={CONTROL} />
        </Labelled>
        <Labelled label={t("assist.form.location")}>
          <input name="location" maxLength={80} className={CONTROL} />
        </Labelled>
      </AssistForm>
      <AssistForm kind="answer" data={data}>
        {data.topics.answer.length ? <TopicSelect topics={data.topics.answer} /> : none}
        <Labelled label={t("assist.form.stance")}>
          <Select name="stance" options={STANCES.map((s) => ({ value: s, label: t(`consultation.stances.${s}`) }))} />
        </Labelled>
        <Labelled label={t("assist.form.text")}>
          <textarea name="text" rows={2} maxLength={1000} className={CONTROL} />
        </Labelled>
      </AssistForm>
      <AssistForm kind="rating" data={data}>
        {data.topics.rating.length ? <TopicSelect topics={data.topics.rating} /> : none}
        <Labelled label={t("assist.form.rating")}>
          <Select name="rating" options={RATINGS.map((r) => ({ value: r, label: t(`rating.choices.${r}`) }))} />
        </Labelled>
        <Labelled label={t("assist.form.comment")}>
          <textarea name="comment" rows={2} maxLength={500} className={CONTROL} />
        </Labelled>
      </AssistForm>
    </div>
  );
}
