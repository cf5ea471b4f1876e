import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { charCount, cleanLine, cleanSearchQuery, cleanText, proposeSchema } from "~/forms/topic";
import { sniffImageType } from "~/models/photo.server";
import { formatSize } from "~/models/upload.server";
import { HTML_AS_JPG, makeJpegLike, makePng, makeWebpLike } from "../fixtures/propose";

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.append(k, v);
  return parseWithZod(data, { schema: proposeSchema });
}

/** The field errors of a refused form (undefined when it was accepted). */
const errorsOf = (values: Record<string, string>) => {
  const s = form(values);
  return s.status === "success" ? undefined : s.error;
};

describe("cleaning typed text", () => {
  it("a line loses control, bidi and zero-width characters; line breaks become spaces", () => {
    expect(cleanLine("  a\u202eb\u200bc\u0000d\u2066e\u2069  ")).toBe("abcde");
    expect(cleanLine("第一行\n第二行\t\r第三")).toBe("第一行 第二行 第三");
    expect(cleanLine("\ufeff东门\u00ad")).toBe("东门");
  });

  it("a text keeps its line breaks (normalised), tabs and emoji joiners", () => {
    expect(cleanText("a\r\nb\rc\u0007\u202e")).toBe("a\nb\nc");
    expect(cleanText("一\n\n\n\n二")).toBe("一\n\n二");
    expect(cleanText("👩\u200d👩\u200d👧\tok")).toBe("👩\u200d👩\u200d👧\tok");
  });

  it("counts characters as people do", () => {
    expect(charCount("东门😀")).toBe(3);
    expect(cleanSearchQuery("x".repeat(500))).toHaveLength(100);
    expect(cleanSearchQuery(null)).toBe("");
  });
});

describe("the propose form schema", () => {
  const good = { title: " 东门照明 ", description: "晚上很暗", category: "facilities" };

  it("accepts a topic, trimmed, name hidden by default", () => {
    const s = form(good);
    expect(s.status).toBe("success");
    expect(s.status === "success" && s.value).toEqual({ title: "东门照明", description: "晚上很暗", category: "facilities", location: "", showName: false });
  });

  it("takes the checkbox and the committee choice", () => {
    const s = form({ ...good, showName: "on", fileAs: "committee" });
    expect(s.status === "success" && s.value).toMatchObject({ showName: true, fileAs: "committee" });
    expect(errorsOf({ ...good, fileAs: "mayor" })).toEqual({ fileAs: ["errors.choice"] });
  });

  it("refuses empty, invisible-only and over-long fields with message keys", () => {
    expect(errorsOf({ ...good, title: "\u200b\u202e " })).toEqual({ title: ["errors.required"] });
    expect(errorsOf({ ...good, title: "长".repeat(81) })).toEqual({ title: ["errors.tooLong|max=80"] });
    expect(form({ ...good, title: "😀".repeat(80) }).status).toBe("success");
    expect(errorsOf({ ...good, description: "字".repeat(2001) })).toEqual({ description: ["errors.tooLong|max=2000"] });
    expect(errorsOf({ ...good, location: "地".repeat(81) })).toEqual({ location: ["errors.tooLong|max=80"] });
    expect(errorsOf({ ...good, category: "../etc" })).toEqual({ category: ["errors.choice"] });
    expect(errorsOf({ title: "x" })).toMatchObject({ description: ["errors.required"], category: ["errors.choice"] });
  });
});

describe("photos are typed by their first bytes", () => {
  it("JPEG, PNG and WebP, whatever they are called", () => {
    expect(sniffImageType(makePng())).toBe("image/png");
    expect(sniffImageType(makeJpegLike())).toBe("image/jpeg");
    expect(sniffImageType(makeWebpLike())).toBe("image/webp");
  });

  it("nothing else, and nothing too short to tell", () => {
    expect(sniffImageType(HTML_AS_JPG)).toBeNull();
    expect(sniffImageType(Buffer.from("GIF89a......"))).toBeNull();
    expect(sniffImageType(Buffer.from("RIFF\0\0\0\0WAVEfmt "))).toBeNull();
    expect(sniffImageType(new Uint8Array([0xff, 0xd8]))).toBeNull();
    expect(sniffImageType(new Uint8Array())).toBeNull();
  });

  it("sizes read the same in both languages", () => {
    expect(formatSize(5 * 1024 * 1024)).toBe("5 MB");
    expect(formatSize(2000)).toBe("2 KB");
    expect(formatSize(900)).toBe("900 B");
  });
});
