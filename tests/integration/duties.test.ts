// The duties the law sets, shown where they are acted on: the meetings page's panel (each duty's
// period, deadline, status and article) and the street dashboard's flags for overdue meetings and
// appraisals — a meeting that sat in the period clears its flag, one that did not leaves it.
import { afterEach, describe, expect, it } from "vitest";
import { localDate } from "~/i18n/time-zone";
import { DAY_MS, now, resetClock, shiftClock } from "~/models/clock.server";
import { endMeeting } from "~/models/meeting-session.server";
import { periodOf, previousPeriod } from "~/workflow/duties";
import { repSitting } from "./support/appraisal";
import { signedIn, useServer } from "./support/http";
import { convener, must } from "./support/meeting";

const http = useServer();
const as = signedIn(http);
afterEach(() => resetClock());

const halfLabel = (key: string) => `${key.slice(0, 4)}年${key.endsWith("H1") ? "上" : "下"}半年`;
/** The half year just before today's (in China time), in the page's words. */
const lastHalf = () => halfLabel(previousPeriod(periodOf(localDate(now()), 6), 6).key);
const lastYear = () => String(Number(localDate(now()).slice(0, 4)) - 1);
const streetPage = async () => (await http.fetch("/s/huacheng", { cookie: await as("street1") })).text();
/** The street dashboard's overdue line of one community. */
const overdueLine = (html: string, slug: string) => [...html.matchAll(/data-testid="duties-overdue-([a-z0-9-]+)">([^<]*)</g)].find((m) => m[1] === slug)?.[2];

describe("the meetings page's duties panel", () => {
  it("lists each duty of an urban community and of a village with its period, deadline and article", async () => {
    const urban = await (await http.fetch("/c/mingyue/meetings", { cookie: await as("convener1") })).text();
    expect(urban).toContain('data-testid="duties-panel"');
    expect(urban).toContain("每半年至少召开一次");
    expect(urban).toContain("居委会组织法第二十八条");
    expect(urban).toContain("居委会组织法第三十七条");
    expect(urban).toContain(`期限 ${localDate(now()).slice(0, 4)}-12-31`);
    expect(urban).not.toContain('data-testid="duty-assembly-');
    expect(urban).toContain("流会(未达法定人数)和取消的会议不算召开");
    const village = await (await http.fetch("/c/shiliu/meetings", { cookie: await as("vconvener1") })).text();
    expect(village).toContain("每季度召开一次");
    expect(village).toContain("村委会组织法第三十条");
    expect(village).toContain("村委会组织法第二十五条");
    expect(village).toContain("村委会组织法第三十八条");
    expect(village).toMatch(/data-testid="duty-assembly-(due|scheduled|done)"/);
    // The community is new: the periods before it are not judged overdue.
    expect(village).not.toContain("已逾期");
  });
});

describe("the street dashboard's duty flags", () => {
  it("flags a half year without a representatives' meeting, and the year without an appraisal", async () => {
    shiftClock(400 * DAY_MS);
    const html = await streetPage();
    const mingyue = overdueLine(html, "mingyue")!;
    expect(mingyue).toContain(`居民代表会议(${lastHalf()})`);
    expect(mingyue).toContain(`民主评议(${lastYear()}年)`);
    // A village: its quarter, its yearly assembly and appraisal, in the village's words.
    const shiliu = overdueLine(html, "shiliu")!;
    expect(shiliu).toContain("村民代表会议(");
    expect(shiliu).toContain(`村民会议(${lastYear()}年)`);
    // On the overdue page the meetings page says so too.
    const page = await (await http.fetch("/c/mingyue/meetings", { cookie: await as("convener1") })).text();
    expect(page).toContain('data-testid="duty-representativesMeeting-overdue"');
  });

  it("a meeting that sat in the half year clears its flag", async () => {
    shiftClock(300 * DAY_MS);
    const meetingId = repSitting(14);
    const ended = must(endMeeting({ ...convener(), meetingId }));
    expect(ended.inquorate).toBe(false);
    resetClock();
    shiftClock(400 * DAY_MS);
    const mingyue = overdueLine(await streetPage(), "mingyue")!;
    expect(mingyue).not.toContain("居民代表会议");
    expect(mingyue).toContain(`民主评议(${lastYear()}年)`);
  });
});
