// Phone and ID-card numbers inside free text are masked before the 12345 export carries it away.
import { describe, expect, it } from "vitest";
import { maskPersonal } from "~/models/mask-personal";

describe("maskPersonal", () => {
  it("masks a mobile number, keeping its first 3 and last 4 digits", () => {
    expect(maskPersonal("联系电话13812345678,请回电")).toBe("联系电话138****5678,请回电");
    expect(maskPersonal("138-1234-5678")).toBe("138****5678");
    expect(maskPersonal("+86 13912345678")).toBe("139****5678");
  });

  it("masks an 18-digit ID-card number (with X) and a 15-digit one", () => {
    expect(maskPersonal("身份证440106199001011234。")).toBe("身份证4401**********1234。");
    expect(maskPersonal("44010619900101123X")).toBe("4401**********123X");
    expect(maskPersonal("id 440106900101123 end")).toBe("id 4401*******1123 end");
  });

  it("masks a landline, keeping the area code and last 4 digits", () => {
    expect(maskPersonal("物业 020-87654321")).toBe("物业 020-****4321");
  });

  it("leaves ticket numbers, dates, money and short numbers alone", () => {
    const text = "工单 GZ12345-20261017-0173,2026-10-17 报修,费用 1200 元,2号楼301室";
    expect(maskPersonal(text)).toBe(text);
    expect(maskPersonal("")).toBe("");
  });

  it("masks every number in a text, and masking twice changes nothing more", () => {
    const once = maskPersonal("A:13800001111 B:13900002222 C:440106199001011234");
    expect(once).toBe("A:138****1111 B:139****2222 C:4401**********1234");
    expect(maskPersonal(once)).toBe(once);
  });
});
