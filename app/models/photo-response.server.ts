/** A stored photo as an HTTP answer that no browser runs as anything but an image (nosniff comes from server/middleware.ts). */
export function photoResponse(photo: { mime: string; sha256: string; bytes: Buffer }): Response {
  return new Response(new Uint8Array(photo.bytes), {
    headers: {
      "Content-Type": photo.mime,
      "Content-Length": String(photo.bytes.length),
      "Content-Disposition": "inline",
      "Cache-Control": "private, max-age=86400",
      ETag: `"${photo.sha256}"`,
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cross-Origin-Resource-Policy": "same-origin",
    },
  });
}
