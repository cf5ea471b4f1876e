// The mail settings read from the environment, and which preference each notification kind falls under.
import { describe, expect, it } from "vitest";
import { smtpConfigFromEnv } from "~/notify/sender.server";
import { digestHour } from "~/notify/outbox.server";
import { DEFAULT_MODES, prefKindOf } from "~/notify/prefs.server";

describe("mail settings", () => {
  it("turn e-mail off without SMTP_HOST, and read the rest with their defaults", () => {
    expect(smtpConfigFromEnv({})).toBeNull();
    expect(smtpConfigFromEnv({ SMTP_HOST: "  " })).toBeNull();
    expect(smtpConfigFromEnv({ SMTP_HOST: "smtp.example" })).toEqual({ host: "smtp.example", port: 587, secure: false, user: undefined, password: undefined, from: "yishiting@smtp.example" });
    expect(smtpConfigFromEnv({ SMTP_HOST: "smtp.example", SMTP_SECURE: "1", SMTP_USER: "u", SMTP_PASSWORD: "p", SMTP_FROM: "议事厅 <hall@x.example>" })).toMatchObject({
      port: 465,
      secure: true,
      user: "u",
      password: "p",
      from: "议事厅 <hall@x.example>",
    });
    expect(() => smtpConfigFromEnv({ SMTP_HOST: "smtp.example", SMTP_PORT: "99999" })).toThrow(/SMTP_PORT/);
  });

  it("take DIGEST_HOUR when it is an hour, else 8", () => {
    expect(digestHour({})).toBe(8);
    expect(digestHour({ DIGEST_HOUR: "0" })).toBe(0);
    expect(digestHour({ DIGEST_HOUR: "19" })).toBe(19);
    expect(digestHour({ DIGEST_HOUR: "24" })).toBe(8);
    expect(digestHour({ DIGEST_HOUR: "7.5" })).toBe(8);
  });

  it("group notification kinds into the preference kinds; meeting notices default to immediately", () => {
    expect(prefKindOf("meeting.scheduled")).toBe("meetings");
    expect(prefKindOf("meeting.cancelled")).toBe("meetings");
    expect(prefKindOf("topic.moved")).toBe("topics");
    expect(prefKindOf("task.assigned")).toBe("tasks");
    expect(prefKindOf("assist.recorded")).toBe("assist");
    expect(prefKindOf("something.new")).toBe("other");
    expect(DEFAULT_MODES).toEqual({ topics: "digest", meetings: "immediate", tasks: "digest", assist: "digest", other: "digest" });
  });
});
