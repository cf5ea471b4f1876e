import type { LoaderFunctionArgs } from "@remix-run/node";
import { hotlineExportResponse } from "~/actions/hotline-export.server";

// The 12345 tickets' handling in the hotline's own columns (a street admin, or the hotline's token).
export async function loader(args: LoaderFunctionArgs) {
  return hotlineExportResponse(args, "csv");
}
