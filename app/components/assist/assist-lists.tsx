import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { ConfirmTick } from "~/components/ui/confirm-tick";
import { isoOf, useFormats, type Instant } from "~/components/topic/formats";

export interface AssistedActData {
  id: number;
  kind: string;
  channel: string;
  number: number;
  title: string;
  by: string;
  createdAt: Instant;
  withdrawnAt: Instant | null;
  topicId?: number;
  person?: string;
}

/** What staff recorded for this person, each with its withdrawal (the server says whether its step is still open). */
export function MyAssistedActs({ acts, slug }: { acts: AssistedActData[]; slug: string }) {
  const { t } = useTranslation();
  const { dateTime } = useFormats();
  return (
    <Card title={t("assist.mine.title")}>
      {acts.length ? (
        <ul className="divide-y divide-stone-100" data-testid="assist-mine">
          {acts.map((a) => (
            <li key={a.id} className="space-y-2 py-3 text-sm">
              <p>
                <Link to={`/c/${slug}/topics/${a.topicId}`} className="font-medium text-hall-700">
                  {t("assist.mine.item", { kind: t(`assist.kinds.${a.kind}`), number: a.number, title: a.title })}
                </Link>
              </p>
              <p className="text-xs text-stone-600">
                {t("assist.mark", { name: a.by, channel: t(`assist.channels.${a.channel}`) })} · <time dateTime={isoOf(a.createdAt)}>{dateTime.format(new Date(a.createdAt))}</time>
              </p>
              {a.withdrawnAt ? (
                <p className="text-xs font-medium text-stone-500">{t("assist.mine.withdrawn")}</p>
              ) : (
                <Form method="post" className="space-y-1">
                  <input type="hidden" name="intent" value="withdraw" />
                  <input type="hidden" name="actId" value={a.id} />
                  <ConfirmTick label={t("assist.mine.confirm")} />
                  <Button variant="danger">{t("assist.mine.withdraw")}</Button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-stone-500">{t("assist.mine.none")}</p>
      )}
    </Card>
  );
}

/** The latest acts recorded in the community, for staff. */
export function RecentAssistedActs({ acts }: { acts: AssistedActData[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t("assist.recent.title")}>
      {acts.length ? (
        <ul className="divide-y divide-stone-100 text-sm" data-testid="assist-recent">
          {acts.map((a) => (
            <li key={a.id} className="py-2">
              {a.person} · {t("assist.mine.item", { kind: t(`assist.kinds.${a.kind}`), number: a.number, title: a.title })}{" "}
              <span className="text-xs text-amber-800">{t("assist.mark", { name: a.by, channel: t(`assist.channels.${a.channel}`) })}</span>
              {a.withdrawnAt ? <span className="ml-1 text-xs text-stone-500">({t("assist.recent.withdrawn")})</span> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-stone-500">{t("assist.recent.none")}</p>
      )}
    </Card>
  );
}

export interface UnseenAct {
  id: number;
  slug: string;
  kind: string;
  channel: string;
  number: number;
  title: string;
  by: string;
}

/** The notice the person gets when they next sign in: acts recorded for them not yet seen (shown once). */
export function AssistNotice({ acts }: { acts: UnseenAct[] }) {
  const { t } = useTranslation();
  if (acts.length === 0) return null;
  const slugs = [...new Set(acts.map((a) => a.slug))];
  return (
    <section className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="assist-notice" role="status">
      <h2 className="font-semibold">{t("assist.notice.title")}</h2>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {acts.map((a) => (
          <li key={a.id}>{t("assist.notice.item", { kind: t(`assist.kinds.${a.kind}`), number: a.number, title: a.title, name: a.by, channel: t(`assist.channels.${a.channel}`) })}</li>
        ))}
      </ul>
      <p className="mt-2 flex flex-wrap gap-3">
        {slugs.map((slug) => (
          <Link key={slug} to={`/c/${slug}/assist`} className="font-medium text-hall-700 underline">
            {t("assist.notice.review")}
          </Link>
        ))}
      </p>
    </section>
  );
}
