// The server's shared i18next instances come with a remembered translator (app/i18n/instances.server.ts)
// that components get through our useTranslation (app/i18n/use-translation.ts): a remembered call must
// give exactly what i18next gives, per language and per value, and i18next itself is left untouched.
import { createInstance } from "i18next";
import { describe, expect, it } from "vitest";
import { i18nOptions } from "~/i18n/config";
import { i18nFor } from "~/i18n/instances.server";
import { translatorOf } from "~/i18n/use-translation";

async function plain(lng: string) {
  const instance = createInstance();
  await instance.init({ ...i18nOptions, lng });
  return instance;
}

describe("remembered translations", () => {
  it("give what i18next gives, for each language, key and value, called twice", async () => {
    for (const lng of ["zh-CN", "en"]) {
      const [shared, reference] = await Promise.all([i18nFor(lng), plain(lng)]);
      const t = translatorOf(shared);
      const calls: Array<[string, Record<string, unknown>?]> = [
        ["timeline.label"],
        ["hall.daysInStage", { count: 1 }],
        ["hall.daysInStage", { count: 7 }],
        ["hall.proposedBy", { name: "甲" }],
        ["hall.proposedBy", { name: "乙" }],
        ["timeline.compact", { n: 2, total: 6, stage: "x" }],
        ["hall.number", { number: 7 }],
      ];
      for (const [key, values] of calls) {
        for (let i = 0; i < 2; i++) expect(t(key, values as never), `${lng} ${key}`).toBe(reference.t(key, values as never));
      }
      expect(translatorOf(shared)).toBe(t); // one translator per instance
    }
    expect(translatorOf(await i18nFor("en"))("timeline.label")).not.toBe(translatorOf(await i18nFor("zh-CN"))("timeline.label"));
  });

  it("leaves i18next as it is: no method of the instance or its services is replaced", async () => {
    for (const lng of ["zh-CN", "en"]) {
      const [shared, reference] = await Promise.all([i18nFor(lng), plain(lng)]);
      for (const name of ["t", "getFixedT"] as const) {
        expect(Object.hasOwn(shared, name), name).toBe(Object.hasOwn(reference, name));
        expect(shared[name].toString(), name).toBe(reference[name].toString());
      }
      expect(shared.t).not.toBe(translatorOf(shared));
      expect(Object.hasOwn(shared.services.languageUtils as object, "toResolveHierarchy")).toBe(false);
      // The instance's own t is i18next's, and says the same as the remembered one.
      expect(shared.t("hall.daysInStage", { count: 3 })).toBe(translatorOf(shared)("hall.daysInStage", { count: 3 }));
    }
  });

  it("an instance without a registered translator (the browser's) gets i18next's own t", async () => {
    const instance = await plain("en");
    expect(translatorOf(instance)("timeline.label")).toBe(instance.t("timeline.label"));
  });
});
