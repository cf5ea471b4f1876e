import { useTranslation } from "~/i18n/use-translation";
import { isoOf } from "~/components/topic/formats";
import { RosterMakeUp } from "~/components/meetings/roster-make-up";
import type { RecordedMeeting } from "./record-types";
import { useRecordWords } from "./use-record-words";

/** 出席情况: members, present (with check-in times and who checked them in), absent, and the quorum with its rule and basis. */
export function AttendanceRecord({ record }: { record: RecordedMeeting }) {
  const { t } = useTranslation();
  const words = useRecordWords();
  const present = record.roster.filter((p) => p.checkedInAt !== null);
  const absent = record.roster.filter((p) => p.checkedInAt === null);
  return (
    <section className="space-y-3" data-testid="minutes-attendance">
      <h2 className="border-b border-stone-300 pb-1 text-lg font-bold">{t("meetingRecords.minutes.attendance")}</h2>
      <RosterMakeUp makeUp={record.makeUp} />
      {record.quorum ? (
        <>
          <dl className="grid grid-cols-3 gap-2 text-center text-sm">
            {(
              [
                ["membersCount", record.quorum.members],
                ["presentCount", present.length],
                ["absentCount", absent.length],
              ] as const
            ).map(([key, count]) => (
              <div key={key} className="rounded border border-stone-300 p-2">
                <dt>{t(`meetingRecords.minutes.${key}`)}</dt>
                <dd className="text-2xl font-bold tabular-nums">{count}</dd>
              </div>
            ))}
          </dl>
          <p className="font-medium" data-testid="minutes-quorum">
            {t("meetingRecords.labelled", { label: t("meetingRecords.minutes.quorum"), value: words.quorumArithmetic(record.quorum) })}
          </p>
        </>
      ) : (
        <p>{t("meetingRecords.minutes.notStarted")}</p>
      )}
      <p className="text-sm">{t("meetingRecords.screen.rule", { ratio: words.ratio(record.rules.quorum) })}</p>
      <p className="text-sm">
        {t("meetingRecords.labelled", { label: t("meetingRecords.minutes.basis"), value: words.basis(record.rules) })}
      </p>
      {record.quorum ? (
        <>
          <h3 className="font-semibold">{t("meetingRecords.minutes.presentList")}</h3>
          {present.length ? (
            <table className="w-full border-collapse text-sm" data-testid="minutes-present">
              <thead>
                <tr className="border-b border-stone-400 text-left">
                  <th className="py-1 pr-2">{t("meetingRecords.minutes.name")}</th>
                  <th className="py-1 pr-2">{t("meetingRecords.minutes.checkedInAt")}</th>
                  <th className="py-1">{t("meetingRecords.minutes.checkedInBy")}</th>
                </tr>
              </thead>
              <tbody>
                {present.map((p) => (
                  <tr key={p.userId} className="border-b border-stone-200">
                    <td className="whitespace-nowrap py-1 pr-2">{p.name}</td>
                    <td className="py-1 pr-2">
                      <time dateTime={isoOf(p.checkedInAt!)}>{words.clock.format(new Date(p.checkedInAt!))}</time>
                    </td>
                    <td className="py-1">{p.checkedInBy ?? t("meetingRecords.minutes.self")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="text-sm">{t("meetingRecords.minutes.none")}</p>
          )}
          <h3 className="font-semibold">{t("meetingRecords.minutes.absentList")}</h3>
          <p className="text-sm" data-testid="minutes-absent">
            {absent.length ? absent.map((p) => p.name).join(t("meetingRecords.minutes.separator")) : t("meetingRecords.minutes.none")}
          </p>
          {record.observers.length ? (
            <>
              <h3 className="font-semibold">{t("meetingRecords.minutes.observersList")}</h3>
              <p className="text-sm" data-testid="minutes-observers">
                {record.observers.map((o) => t("meetingRecords.minutes.observerLine", { name: o.name, at: words.clock.format(new Date(o.checkedInAt)) })).join(t("meetingRecords.minutes.separator"))}
              </p>
            </>
          ) : null}
          {record.left.length ? (
            <>
              <h3 className="font-semibold">{t("meetingRecords.minutes.leftList")}</h3>
              <ul className="text-sm" data-testid="minutes-left">
                {record.left.map((p) => (
                  <li key={p.userId}>{t("meetingRecords.minutes.leftLine", { name: p.name, at: words.clock.format(new Date(p.leftAt)) })}</li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
