// The zone arithmetic every page, form and export uses (app/i18n/time-zone.ts): offsets, a day in a
// zone, a typed wall time as an instant (also across summer time), and ISO text with the offset.
import { describe, expect, it } from "vitest";
import { endOfLocalDay, instantOfWallTime, isoInZone, isTimeZone, localDate, offsetLabel, offsetMinutes, startOfLocalDay, timeZones } from "~/i18n/time-zone";

describe("time zones", () => {
  it("knows China's zones first and refuses what the runtime does not know", () => {
    expect(timeZones().slice(0, 2)).toEqual(["Asia/Shanghai", "Asia/Urumqi"]);
    expect(timeZones()).toContain("Europe/London");
    for (const ok of ["Asia/Shanghai", "Asia/Urumqi", "UTC", "America/New_York"]) expect(isTimeZone(ok), ok).toBe(true);
    for (const bad of ["", "asia/shanghai", "Mars/Base", "+08:00", null, 8]) expect(isTimeZone(bad), String(bad)).toBe(false);
  });

  it("gives offsets, with summer time where a zone has it", () => {
    const winter = new Date("2027-01-15T12:00:00Z");
    const summer = new Date("2027-07-15T12:00:00Z");
    expect(offsetMinutes("Asia/Shanghai", winter)).toBe(480);
    expect(offsetMinutes("Asia/Urumqi", summer)).toBe(360);
    expect([offsetMinutes("Europe/London", winter), offsetMinutes("Europe/London", summer)]).toEqual([0, 60]);
    expect(offsetLabel("Asia/Shanghai", winter)).toBe("UTC+8");
    expect(offsetLabel("Asia/Kolkata", winter)).toBe("UTC+5:30");
    expect(offsetLabel("America/New_York", winter)).toBe("UTC−5");
    expect(offsetLabel("UTC", winter)).toBe("UTC");
  });

  it("names the day of an instant in the zone", () => {
    const at = new Date("2026-12-06T17:30:00Z"); // 01:30 the next day in Beijing, 23:30 in Urumqi
    expect(localDate(at)).toBe("2026-12-07");
    expect(localDate(at, "Asia/Shanghai")).toBe("2026-12-07");
    expect(localDate(at, "Asia/Urumqi")).toBe("2026-12-06");
  });

  it("reads a typed wall time as the zone's, and a typed day from its start to its end", () => {
    expect(instantOfWallTime("2027-03-01T09:00", "Asia/Shanghai").toISOString()).toBe("2027-03-01T01:00:00.000Z");
    expect(instantOfWallTime("2027-03-01T09:00", "Asia/Urumqi").toISOString()).toBe("2027-03-01T03:00:00.000Z");
    expect(instantOfWallTime("2027-07-01T09:00", "Europe/London").toISOString()).toBe("2027-07-01T08:00:00.000Z");
    // 01:30 on the morning the clocks go forward does not exist in London: read as an hour later.
    expect(instantOfWallTime("2027-03-28T01:30", "Europe/London").toISOString()).toBe("2027-03-28T01:30:00.000Z");
    expect(Number.isNaN(instantOfWallTime("not a time", "UTC").getTime())).toBe(true);
    expect(startOfLocalDay("2027-03-01", "Asia/Urumqi").toISOString()).toBe("2027-02-28T18:00:00.000Z");
    expect(endOfLocalDay("2027-03-01").toISOString()).toBe("2027-03-01T15:59:59.999Z");
  });

  it("writes an instant with the zone's offset", () => {
    const at = new Date("2026-12-06T00:26:07.900Z");
    expect(isoInZone(at, "Asia/Shanghai")).toBe("2026-12-06T08:26:07+08:00");
    expect(isoInZone(at, "America/New_York")).toBe("2026-12-05T19:26:07-05:00");
    expect(Date.parse(isoInZone(at, "Asia/Urumqi"))).toBe(Date.parse("2026-12-06T00:26:07Z"));
  });
});
