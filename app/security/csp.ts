/**
 * The Content-Security-Policy of every page: scripts only from our origin or inline with this
 * response's nonce (Remix's own bootstrap scripts carry it), no plugins, no framing, forms and
 * connections (fetch, EventSource, the drafting websocket) to our origin only. Styles allow inline
 * attributes: progress bars and charts set widths in `style`, and no script can be injected by them.
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
