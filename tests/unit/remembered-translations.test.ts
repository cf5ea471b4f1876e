// The server's shared i18next instances remember translations (app/i18n/instances.server.ts): a
// remembered call must give exactly what i18next gives, per language and per value.
import { createInstance } from "i18next";
import { describe, expect, it } from "vitest";
import { i18nOptions } from "~/i18n/config";
import { i18nFor } from "~/i18n/instances.server";

async function plain(lng: string) {
  const instance = createInstance();
  await instance.init({ ...i18nOptions, lng });
  return instance;
}

describe("remembered translations", () => {
  it("give what i18next gives, for each language, key and value, called twice", async () => {
    for (const lng of ["zh-CN", "en"]) {
      const [remembered, reference] = await Promise.all([i18nFor(lng), plain(lng)]);
      const fixed = remembered.getFixedT(null as unknown as string);
      const calls: Array<[string, Record<string, unknown>?]> = [
        ["timeline.label"],
        ["hall.daysInStage", { count: 1 }],
        ["hall.daysInStage", { count: 7 }],
        ["hall.proposedBy", { name: "甲" }],
        ["hall.proposedBy", { name: "乙" }],
        ["timeline.compact", { n: 2, total: 6, stage: "x" }],
      ];
      for (const [key, values] of calls) {
        for (let i = 0; i < 2; i++) expect(fixed(key, values as never), `${lng} ${key}`).toBe(reference.t(key, values as never));
      }
    }
    expect((await i18nFor("en")).t("timeline.label")).not.toBe((await i18nFor("zh-CN")).t("timeline.label"));
  });

  it("give react-i18next's fixed t (own language, default namespace) the remembered words; other fixed t's are i18next's", async () => {
    for (const lng of ["zh-CN", "en"]) {
      const [remembered, reference] = await Promise.all([i18nFor(lng), plain(lng)]);
      // What useTranslation() asks for on every render: no language, the default namespace.
      const fixed = remembered.getFixedT(null as unknown as string, "translation");
      expect(fixed).toBe(remembered.getFixedT(lng));
      for (const count of [1, 3]) expect(fixed("hall.daysInStage", { count })).toBe(reference.t("hall.daysInStage", { count }));
      expect(fixed("timeline.compact", { n: 1, total: 6, stage: "x" })).toBe(reference.t("timeline.compact", { n: 1, total: 6, stage: "x" }));
      // A key prefix, or another language, is i18next's own fixed t.
      expect(remembered.getFixedT(lng, "translation", "hall")("number", { number: 7 })).toBe(reference.t("hall.number", { number: 7 }));
      const other = lng === "en" ? "zh-CN" : "en";
      expect(remembered.getFixedT(other)("timeline.label")).toBe((await plain(other)).t("timeline.label"));
    }
  });
});
