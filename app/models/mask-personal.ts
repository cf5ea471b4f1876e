/**
 * Personal numbers inside free text, masked before the text leaves for another system (the 12345
 * export): a mainland mobile keeps its first 3 and last 4 digits (13812345678 → 138****5678), an
 * ID-card number its first 4 and last 4 (440106199001011234 → 4401**********1234), a landline its
 * area code and last 4 (020-87654321 → 020-****4321). Digits that are part of a longer number are
 * left alone unless the whole number is one of these. Pure: runs on the server, the full number
 * never reaches the export.
 */
const ID_CARD = /(?<![0-9A-Za-z])(\d{6})(\d{8})(\d{3}[0-9Xx])(?![0-9A-Za-z])|(?<![0-9A-Za-z])(\d{6})(\d{6})(\d{3})(?![0-9A-Za-z])/g;
const MOBILE = /(?<!\d)(?:\+?86[- ]?)?(1[3-9]\d)[- ]?(\d{4})[- ]?(\d{4})(?!\d)/g;
const LANDLINE = /(?<!\d)(0\d{2,3})[- ](\d{3,4})(\d{4})(?!\d)/g;

export function maskPersonal(text: string): string {
  return text
    .replace(ID_CARD, (whole, a18: string | undefined, _b18, c18: string | undefined, a15: string | undefined, _b15, c15: string | undefined) => {
      if (a18 !== undefined && c18 !== undefined) return `${a18.slice(0, 4)}${"*".repeat(10)}${c18.slice(-4)}`;
      if (a15 !== undefined && c15 !== undefined) return `${a15.slice(0, 4)}${"*".repeat(whole.length - 8)}${whole.slice(-4)}`;
      return whole;
    })
    .replace(MOBILE, (_whole, head: string, _mid: string, tail: string) => `${head}****${tail}`)
    .replace(LANDLINE, (_whole, area: string, mid: string, tail: string) => `${area}-${"*".repeat(mid.length)}${tail}`);
}
