import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStreetAdmin } from "~/auth/guards.server";
import { rosterTemplateResponse } from "~/models/roster-template.server";

// The street roster's template: the header and two made-up people (no one's data).
export async function loader(args: LoaderFunctionArgs) {
  requireStreetAdmin(args, args.params.street);
  return rosterTemplateResponse();
}
