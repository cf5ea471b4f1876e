// The session id is the token's SHA-256 in hex (the Lucia recipe). It is computed with Node's native
// crypto for speed; these must stay the very bytes @oslojs/crypto's sha256 gives, or every stored
// session would stop matching its cookie.
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { describe, expect, it } from "vitest";
import { generateSessionToken, sessionIdFromToken } from "~/auth/session.server";

describe("session id from token", () => {
  it("equals the recipe's SHA-256 hex for real tokens and for odd input", () => {
    const tokens = [...Array.from({ length: 50 }, generateSessionToken), "", "a", "议事厅", "x".repeat(1000)];
    for (const token of tokens) expect(sessionIdFromToken(token)).toBe(encodeHexLowerCase(sha256(new TextEncoder().encode(token))));
  });
});
