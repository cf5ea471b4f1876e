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
});
