import type { LoaderFunctionArgs } from "@remix-run/node";
import { hotlineExportResponse } from "~/actions/hotline-export.server";

// The same rows as the CSV, with English keys and ISO times, for a hotline system to pull with its token.
export async function loader(args: LoaderFunctionArgs) {
  return hotlineExportResponse(args, "json");
}
