/**
 * A person's name as the public board shows it: the first character kept, every other character
 * replaced by one "*" (张晓梅 → 张**, Alice Wong → A*********). Pure: runs on the server before
 * anything is sent, so the full name never reaches a visitor's browser.
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return "*";
  return chars[0] + "*".repeat(chars.length - 1);
}
