import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Button } from "~/components/ui/button";
import { ConfirmTick } from "~/components/ui/confirm-tick";
import { AUTHORISATION_SCOPE_MAX } from "~/forms/powers";
import { ASSEMBLY_MATTERS_ARTICLE } from "~/workflow/powers";
import { citeArticle } from "~/workflow/rule-packs";
import { Labeled } from "./assembly-requests";

export interface AuthorisationItem {
  id: number;
  scope: string;
  grantedOn: string;
  expiresOn: string | null;
  revokedAt: string | number | null;
  inForce: boolean;
  nameZh: string;
  nameEn: string;
  meetingNumber: number | null;
  meetingTitle: string | null;
}

const control = "block min-h-[44px] w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base shadow-sm focus:border-hall-500";

/**
 * 授权 (村委会组织法 Art. 28): every authorisation of the assembly with its category, scope, days and the
 * assembly that granted it; the committee records new ones and revokes them (ticked confirmation).
 */
export function Authorisations({
  items,
  mayRecord,
  categories,
  assemblies,
}: {
  items: AuthorisationItem[];
  mayRecord: boolean;
  categories: Array<{ id: number; nameZh: string; nameEn: string }>;
  assemblies: Array<{ id: number; number: number; title: string }>;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const article = citeArticle(ASSEMBLY_MATTERS_ARTICLE, en ? "en" : "zh-CN");
  return (
    <div className="space-y-4" data-testid="authorisations">
      <p className="text-sm text-stone-600">{t("powers.authorisations.intro", { article })}</p>
      {items.length === 0 ? <p className="text-sm text-stone-500">{t("powers.authorisations.none")}</p> : null}
      <ul className="space-y-3">
        {items.map((a) => (
          <li key={a.id} className="rounded-md border border-stone-200 p-3 text-sm" data-testid="authorisation" data-in-force={a.inForce}>
            <p className="font-medium text-stone-900">
              {en ? a.nameEn : a.nameZh}
              <span className={`ml-2 rounded px-1.5 py-0.5 text-xs ${a.inForce ? "bg-green-100 text-green-800" : "bg-stone-200 text-stone-700"}`}>
                {t(a.revokedAt ? "powers.authorisations.revoked" : a.inForce ? "powers.authorisations.inForce" : "powers.authorisations.notInForce")}
              </span>
            </p>
            <p className="whitespace-pre-wrap break-words text-stone-800">{a.scope}</p>
            <p className="text-xs text-stone-500">
              {t("powers.authorisations.granted", { from: a.grantedOn })} · {a.expiresOn ? t("powers.authorisations.until", { to: a.expiresOn }) : t("powers.authorisations.open")}
              {a.meetingNumber !== null ? ` · ${t("powers.authorisations.byMeeting", { number: a.meetingNumber, title: a.meetingTitle ?? "" })}` : null}
            </p>
            {mayRecord && !a.revokedAt ? (
              <Form method="post" className="mt-2 space-y-2">
                <input type="hidden" name="intent" value="revokeAuthorisation" />
                <input type="hidden" name="authorisationId" value={a.id} />
                <ConfirmTick label={t("powers.authorisations.confirmRevoke")} />
                <Button variant="danger">{t("powers.authorisations.revoke")}</Button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
      {mayRecord ? (
        <Form method="post" className="space-y-3 border-t border-stone-100 pt-3" data-testid="authorise-form">
          <input type="hidden" name="intent" value="authorise" />
          <h3 className="font-medium">{t("powers.authorisations.formTitle")}</h3>
          {categories.length === 0 ? <p className="text-sm text-stone-500">{t("powers.authorisations.noCategory")}</p> : null}
          {assemblies.length === 0 ? <p className="text-sm text-stone-500">{t("powers.authorisations.noAssembly")}</p> : null}
          <Labeled label={t("powers.authorisations.category")}>
            <select name="catalogueEntryId" required className={control}>
              {categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {en ? c.nameEn : c.nameZh}
                </option>
              ))}
            </select>
          </Labeled>
          <Labeled label={t("powers.authorisations.scope")}>
            <textarea name="scope" required rows={2} maxLength={AUTHORISATION_SCOPE_MAX} className={control} />
          </Labeled>
          <div className="grid gap-3 sm:grid-cols-2">
            <Labeled label={t("powers.authorisations.grantedOn")}>
              <input type="date" name="grantedOn" required className={control} />
            </Labeled>
            <Labeled label={t("powers.authorisations.expiresOn")}>
              <input type="date" name="expiresOn" className={control} />
            </Labeled>
          </div>
          <Labeled label={t("powers.authorisations.meeting")}>
            <select name="meetingId" required className={control}>
              {assemblies.map((m) => (
                <option key={m.id} value={m.id}>
                  #{m.number} {m.title}
                </option>
              ))}
            </select>
          </Labeled>
          <Button disabled={categories.length === 0 || assemblies.length === 0}>{t("powers.authorisations.record")}</Button>
        </Form>
      ) : null}
    </div>
  );
}
