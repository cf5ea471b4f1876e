import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireAccess } from "~/auth/guards.server";
import { getPhoto } from "~/models/photo.server";
import { photoResponse } from "~/models/photo-response.server";

const ID = /^[1-9][0-9]{0,14}$/;

/** A topic's photo, for members of its community only. */
export async function loader(args: LoaderFunctionArgs) {
  const { community } = requireAccess(args, args.params.community, "photo");
  const raw = args.params.photoId ?? "";
  const photo = ID.test(raw) ? getPhoto({ photoId: Number(raw), communityId: community.id }) : null;
  if (!photo) notFound();
  return photoResponse(photo);
}
