import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAccess } from "~/auth/guards.server";
import { rosterTemplateResponse } from "~/models/roster-template.server";

// A community roster's template: the header and two made-up people (no one's data).
export async function loader(args: LoaderFunctionArgs) {
  requireAccess(args, args.params.community, "rosterTemplate");
  return rosterTemplateResponse();
}
