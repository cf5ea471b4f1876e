import { rosterTemplateCsv } from "../forms/roster-csv";

/** The roster CSV template as a download. */
export function rosterTemplateResponse(): Response {
  return new Response(rosterTemplateCsv(), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="roster-template.csv"`, "Cache-Control": "private, no-store" },
  });
}
