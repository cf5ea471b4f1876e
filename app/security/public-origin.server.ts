/**
 * The site's public origin for absolute links (the Atom feed): `PUBLIC_ORIGIN`, e.g.
 * `https://yishiting.example`. Never taken from the request's Host, which the client writes: a feed
 * that a shared cache keeps would otherwise carry whatever host the first client named. Unset, links
 * point at `http://localhost:PORT`, right for a machine of one's own and plainly wrong anywhere else.
 */
export function publicOrigin(): string {
  const configured = process.env.PUBLIC_ORIGIN;
  if (!configured) return `http://localhost:${process.env.PORT || 3000}`;
  let url: URL;
  try {
    url = new URL(configured);
  } catch {
    throw new Error(`PUBLIC_ORIGIN is not a URL: ${configured}`);
  }
  if ((url.protocol !== "https:" && url.protocol !== "http:") || url.origin !== configured.replace(/\/$/, "")) {
    throw new Error(`PUBLIC_ORIGIN must be an origin alone, like https://yishiting.example (no path, query or user): ${configured}`);
  }
  return url.origin;
}
