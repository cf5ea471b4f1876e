// Any origin will do: only whether the target stays on it matters, and what the path becomes.
const BASE = "http://redirect.invalid";
// C0 and C1 controls (a URL parser drops tabs and newlines, so "/\t/evil.example" would become
// "//evil.example") and backslashes (read as "/" in a URL's path).
const REFUSED = /[\u0000-\u001f\u007f-\u009f\\]/;

/**
 * Only our own paths: the target resolved against our origin must stay on it, and what is kept is
 * its path, query and fragment as the URL parser writes them — ASCII only, so always a valid Location
 * header. Anything else (another origin, "//host", control characters, backslashes) gives `fallback`.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || REFUSED.test(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, BASE);
  } catch {
    return fallback;
  }
  const path = url.pathname + url.search + url.hash;
  // "/a/..//evil.example" normalises to "//evil.example", which a browser reads as a host.
  if (url.origin !== BASE || path.startsWith("//")) return fallback;
  return path;
}
