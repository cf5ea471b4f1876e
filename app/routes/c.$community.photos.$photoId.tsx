import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireAccess } from "~/auth/guards.server";
import { getPhoto } from "~/models/photo.server";

const ID = /^[1-9][0-9]{0,14}$/;

/** A topic's photo, for members of its community only, served so that no browser runs it as anything but an image (X-Content-Type-Options: nosniff comes from server/middleware.ts). */
export async function loader(args: LoaderFunctionArgs) {
  const { community } = requireAccess(args, args.params.community, "photo");
  const raw = args.params.photoId ?? "";
  const photo = ID.test(raw) ? getPhoto({ photoId: Number(raw), communityId: community.id }) : null;
  if (!photo) notFound();
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
