// "评价已于 … " lacked its verb: the closed rating is one sentence with the time inside, in both languages.
import { createInstance } from "i18next";
import { describe, expect, it } from "vitest";
import { i18nOptions } from "~/i18n/config";

describe("the closed rating's sentence", () => {
  it("puts the time inside one sentence, in zh-CN and en", async () => {
    for (const [lng, expected] of [
      ["zh-CN", "评价已于 <time>2026年12月6日 08:26</time> 结束"],
      ["en", "Rating closed on <time>2026年12月6日 08:26</time>"],
    ]) {
      const i18n = createInstance();
      await i18n.init({ ...i18nOptions, lng });
      expect(i18n.t("rating.closedAt", { at: "2026年12月6日 08:26" })).toBe(expected);
    }
  });
});
