import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requirePublicAccess } from "~/auth/guards.server";
import { PUBLIC_PHOTO_PURPOSES } from "~/models/board-execution.server";
import { getPhoto } from "~/models/photo.server";
import { photoResponse } from "~/models/photo-response.server";

const ID = /^[1-9][0-9]{0,14}$/;

/**
 * An evidence photo of the public board, for anyone: only the units' progress photos, the
 * supervisors' on-site photos and the departments' evidence on calls (issue 19) of this community. A resident's own proposal photos stay member-only (404 here).
 */
export async function loader(args: LoaderFunctionArgs) {
  const { community } = requirePublicAccess(args, args.params.community, "boardPhoto");
  const raw = args.params.photoId ?? "";
  const photo = ID.test(raw) ? getPhoto({ photoId: Number(raw), communityId: community.id, purposes: PUBLIC_PHOTO_PURPOSES }) : null;
  if (!photo) notFound();
  return photoResponse(photo);
}
