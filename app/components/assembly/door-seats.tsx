import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Button } from "~/components/ui/button";
import type { DoorSeat } from "~/workflow/assembly-meeting";

/** The seats found at the door, each with a big check-in button (a plain form: works without scripts). */
export function DoorSeats({ seats, q }: { seats: DoorSeat[]; q: string }) {
  const { t } = useTranslation();
  if (!seats.length) return <p className="text-stone-600">{t("assembly.door.none")}</p>;
  return (
    <ul className="space-y-2" data-testid="door-seats">
      {seats.map((s) => (
        <li key={s.rollId} className="rounded-lg border border-stone-200 bg-white p-3" data-testid="door-seat" data-roll={s.rollId}>
          <p className="text-sm text-stone-600">
            {t("assembly.door.household", { code: s.householdCode })}
            {s.groupName ? ` · ${s.groupName}` : ""}
          </p>
          {s.checkedIn ? (
            <p className="mt-1 text-lg font-medium text-green-800">
              ✓ {s.name ?? ""} {t("assembly.door.checkedIn")}
            </p>
          ) : (
            <Form method="post" className="mt-2 space-y-2">
              <input type="hidden" name="intent" value="doorCheckIn" />
              <input type="hidden" name="rollId" value={s.rollId} />
              <input type="hidden" name="q" value={q} />
              {s.seat === "person" ? (
                <p className="text-lg font-semibold text-stone-900">{s.name}</p>
              ) : (
                <fieldset className="space-y-1">
                  {s.adults.map((a, i) => (
                    <label key={a.id} className="flex min-h-[44px] items-center gap-3 text-lg">
                      <input type="radio" name="memberId" value={a.id} defaultChecked={i === 0} className="h-6 w-6 accent-hall-600" />
                      {a.name}
                      {a.representative ? <span className="text-sm text-stone-500">({t("assembly.door.representative")})</span> : null}
                    </label>
                  ))}
                </fieldset>
              )}
              <Button className="w-full py-4 text-lg" data-testid="door-check-in">
                {t("assembly.door.checkIn")}
              </Button>
            </Form>
          )}
        </li>
      ))}
    </ul>
  );
}
