import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { isoOf, useFormats } from "~/components/topic/formats";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import type { RosterEntry } from "./types";

/**
 * 代表名册 for the convener: who is checked in (and by whom), with 协助登记到会 for those in the room
 * without a phone (whose hand votes the convener may then record). Those who left the roster are not here.
 */
export function Roster({ roster }: { roster: RosterEntry[] }) {
  const { t } = useTranslation();
  const { time } = useFormats();
  const present = roster.filter((p) => p.checkedInAt).length;
  return (
    <Card title={<span id="roster">{t("meetings.roster.title")}</span>} actions={<span className="text-sm text-stone-600">{t("meetings.roster.summary", { present, members: roster.length })}</span>}>
      <ul className="grid md:grid-cols-2 md:gap-x-6" data-testid="roster">
        {roster.map((p) => (
          <li key={p.userId} className="flex min-h-[52px] items-center justify-between gap-3 border-b border-stone-100 py-1.5 text-sm" data-testid="roster-entry" data-checked-in={p.checkedInAt ? "yes" : "no"}>
            <span className="min-w-0 break-words font-medium text-stone-900">{p.name}</span>
            {p.checkedInAt ? (
              <span className="shrink-0 text-right text-xs text-green-800">
                ✓ {t("meetings.roster.checkedIn")} <time dateTime={isoOf(p.checkedInAt)}>{time.format(new Date(p.checkedInAt))}</time>
                {p.checkedInBy ? <span className="block text-stone-500">{t("meetings.roster.by", { name: p.checkedInBy })}</span> : null}
              </span>
            ) : (
              <Form method="post" className="shrink-0">
                <input type="hidden" name="intent" value="checkIn" />
                <input type="hidden" name="forUserId" value={p.userId} />
                <Button variant="secondary" aria-label={`${t("meetings.roster.checkInFor")} ${p.name}`}>
                  {t("meetings.roster.checkInFor")}
                </Button>
              </Form>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
