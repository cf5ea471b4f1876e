import { afterEach, describe, expect, it } from "vitest";
import { publicOrigin } from "~/security/public-origin.server";

afterEach(() => {
  delete process.env.PUBLIC_ORIGIN;
});

describe("publicOrigin", () => {
  it("is the configured origin, a trailing slash allowed", () => {
    process.env.PUBLIC_ORIGIN = "https://yishiting.example/";
    expect(publicOrigin()).toBe("https://yishiting.example");
    process.env.PUBLIC_ORIGIN = "http://10.0.0.5:8080";
    expect(publicOrigin()).toBe("http://10.0.0.5:8080");
  });

  it.each(["yishiting.example", "https://yishiting.example/yst", "https://u:p@yishiting.example", "javascript:alert(1)", "https://yishiting.example?x=1"])("refuses %s", (value) => {
    process.env.PUBLIC_ORIGIN = value;
    expect(() => publicOrigin()).toThrow(/PUBLIC_ORIGIN/);
  });
});
