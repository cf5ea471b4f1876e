import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { blankSessionCookie, invalidateSession } from "~/auth/session.server";

export async function action({ request, context }: ActionFunctionArgs) {
  if (context.auth) invalidateSession(context.auth.sessionId);
  return redirect("/", { headers: { "Set-Cookie": blankSessionCookie(new URL(request.url).protocol === "https:") } });
}

export async function loader() {
  return redirect("/");
}
