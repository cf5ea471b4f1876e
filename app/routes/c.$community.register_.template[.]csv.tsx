import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAccess } from "~/auth/guards.server";
import { registerTemplateCsv } from "~/forms/register-csv";

// The register import's template: the header and two made-up households (no one's data).
export async function loader(args: LoaderFunctionArgs) {
  requireAccess(args, args.params.community, "registerTemplate");
  return new Response(registerTemplateCsv(), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="register-template.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
