import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { safeRedirect } from "~/auth/redirect";
import { DEFAULT_LANGUAGE, isLanguage } from "~/i18n/languages";
import { languageCookie } from "~/i18n/i18next.server";
import { readForm } from "~/actions/read-form.server";

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const lng = form.get("lng");
  return redirect(safeRedirect(form.get("redirectTo")), {
    headers: { "Set-Cookie": await languageCookie.serialize(isLanguage(lng) ? lng : DEFAULT_LANGUAGE) },
  });
}

export async function loader() {
  return redirect("/");
}
