import { describe, expect, it } from "vitest";
import { canonicalJson } from "~/models/canonical-json";

describe("canonicalJson", () => {
  it("sorts keys at every depth and drops white space", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { f: 1, e: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"e":2,"f":1}]},"b":1}');
  });

  it("gives the same text for the same value built in another order", () => {
    expect(canonicalJson({ x: "议事", y: true })).toBe(canonicalJson({ y: true, x: "议事" }));
  });

  it("escapes strings the JSON way", () => {
    expect(canonicalJson({ s: 'a"b\n<script>' })).toBe('{"s":"a\\"b\\n<script>"}');
  });

  it("refuses numbers JSON cannot carry", () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson([Infinity])).toThrow(TypeError);
  });
});
