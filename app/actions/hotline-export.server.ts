import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStreetAdmin } from "~/auth/guards.server";
import { getStreetBySlug } from "~/models/community.server";
import { listHotlineTickets } from "~/models/hotline-export.server";
import { hotlineTokenOf, recordHotlineExport } from "~/models/hotline-token.server";
import { DEFAULT_TIME_ZONE, startOfLocalDay } from "~/i18n/time-zone";
import { hotlineCsv, parseSince } from "~/workflow/hotline-export";
import type { HotlineExportFormat } from "~/workflow/department-call";

const SLUG = /^[a-z0-9][a-z0-9-]{0,39}$/;

function unauthorized(): never {
  throw new Response("401 Unauthorized: a valid hotline token is required (Authorization: Bearer <token>).\n需要有效的热线令牌。\n", {
    status: 401,
    headers: { "WWW-Authenticate": 'Bearer realm="yishiting-hotline"', "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/**
 * Who pulls the export: a hotline system with `Authorization: Bearer <token>` (no session, no CSRF:
 * the export is a GET), or a street admin signed in. A request carrying the header is judged by its
 * token alone: missing, unknown, revoked or another street's → 401, never data.
 */
function exporter(args: LoaderFunctionArgs): { streetId: number; slug: string; userId: number | null; tokenId: number | null } {
  if (args.request.headers.has("authorization")) {
    const slug = args.params.street;
    const street = slug && SLUG.test(slug) ? getStreetBySlug(slug) : undefined;
    if (!street) unauthorized();
    const token = hotlineTokenOf(args.request, street.id) ?? unauthorized();
    return { streetId: street.id, slug: street.slug, userId: null, tokenId: token.id };
  }
  const { user, street } = requireStreetAdmin(args, args.params.street);
  return { streetId: street.id, slug: street.slug, userId: user.id, tokenId: null };
}

/** The export in either format; the run is recorded (format, who, how many tickets, since). */
export function hotlineExportResponse(args: LoaderFunctionArgs, format: HotlineExportFormat): Response {
  const who = exporter(args);
  const since = parseSince(new URL(args.request.url).searchParams.get("since"));
  if (since === "bad") {
    return new Response("since 应为日期,例如 2026-10-01。\nsince must be a date such as 2026-10-01.\n", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const tickets = listHotlineTickets({ streetId: who.streetId, since });
  recordHotlineExport({ streetId: who.streetId, format, userId: who.userId, tokenId: who.tokenId, tickets: tickets.length, since: since ? startOfLocalDay(since, DEFAULT_TIME_ZONE) : null });
  const headers = { "Cache-Control": "private, no-store", Vary: "Authorization, Cookie" };
  if (format === "csv") {
    return new Response(hotlineCsv(tickets), {
      headers: { ...headers, "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${who.slug}-12345-export.csv"` },
    });
  }
  return new Response(JSON.stringify({ street: who.slug, since, count: tickets.length, tickets }), { headers: { ...headers, "Content-Type": "application/json; charset=utf-8" } });
}
