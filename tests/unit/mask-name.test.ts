import { describe, expect, it } from "vitest";
import { maskName } from "~/models/mask-name";

describe("maskName (the public board's proposer names)", () => {
  it("keeps the first character and replaces each other one with *", () => {
    expect(maskName("张晓梅")).toBe("张**");
    expect(maskName("陈芳")).toBe("陈*");
    expect(maskName("欧阳娜娜")).toBe("欧***");
    expect(maskName("王")).toBe("王");
  });

  it("keeps the first letter of a Latin name", () => {
    expect(maskName("Alice")).toBe("A****");
    expect(maskName("Alice Wong")).toBe("A*********");
  });

  it("counts characters, not UTF-16 units, and ignores surrounding spaces", () => {
    expect(maskName("𠮷野家")).toBe("𠮷**");
    expect(maskName("  李建国 ")).toBe("李**");
  });

  it("never returns the name or an empty string", () => {
    expect(maskName("")).toBe("*");
    expect(maskName("   ")).toBe("*");
    for (const name of ["张晓梅", "Bob", "明月物业公司"]) expect(maskName(name)).not.toBe(name);
  });
});
