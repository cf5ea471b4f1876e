import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { translateError } from "~/forms/messages";
import { TOKEN_LABEL_MAX } from "~/forms/hotline-tokens";
import { Button } from "~/components/ui/button";
import { ConfirmTick } from "~/components/ui/confirm-tick";
import { formatDay } from "./format-day";

export interface TokenRow {
  id: number;
  label: string;
  hint: string;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

const inputClass = "mt-1 block w-full min-h-[44px] rounded-md border border-stone-300 px-3 py-2 text-base";

/** The hotline system's tokens: make one (shown once, by the page), and revoke a live one (ticked). */
export function HotlineTokens({ tokens, problem, labelError }: { tokens: TokenRow[]; problem: { tokenId: number; key: string } | null; labelError: string | null }) {
  const { t, i18n } = useTranslation();
  const day = (ms: number) => formatDay(ms, i18n.language);
  return (
    <div className="space-y-4">
      <p className="text-sm text-stone-700">{t("hotlineExport.tokensIntro")}</p>
      <Form method="post" className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-end" data-testid="token-form">
        <input type="hidden" name="intent" value="createToken" />
        <label className="text-sm">
          {t("hotlineExport.label")}
          <input name="label" required maxLength={TOKEN_LABEL_MAX} className={inputClass} aria-invalid={labelError ? true : undefined} aria-describedby={labelError ? "token-label-error" : undefined} />
        </label>
        <Button>{t("hotlineExport.create")}</Button>
        {labelError ? (
          <p id="token-label-error" className="text-sm text-red-700 sm:col-span-2">
            {translateError(t, labelError)}
          </p>
        ) : null}
      </Form>
      {tokens.length === 0 ? (
        <p className="text-sm text-stone-600">{t("hotlineExport.noTokens")}</p>
      ) : (
        <ul className="divide-y divide-stone-200" data-testid="hotline-tokens">
          {tokens.map((tk) => (
            <li key={tk.id} className="space-y-2 py-3" data-token={tk.id}>
              <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                <span className="font-semibold">{tk.label}</span>
                <code className="text-sm text-stone-600">{t("hotlineExport.hint", { hint: tk.hint })}</code>
                <span className="text-sm text-stone-600">{t("hotlineExport.createdOn", { date: day(tk.createdAt) })}</span>
                <span className="text-sm text-stone-600">{tk.lastUsedAt ? t("hotlineExport.lastUsed", { date: day(tk.lastUsedAt) }) : t("hotlineExport.neverUsed")}</span>
                {tk.revokedAt ? <span className="text-sm font-medium text-red-700">{t("hotlineExport.revokedOn", { date: day(tk.revokedAt) })}</span> : null}
              </p>
              {problem?.tokenId === tk.id ? (
                <p role="alert" className="text-sm text-red-700">
                  {translateError(t, problem.key)}
                </p>
              ) : null}
              {tk.revokedAt ? null : (
                <Form method="post" className="space-y-2">
                  <input type="hidden" name="intent" value="revokeToken" />
                  <input type="hidden" name="tokenId" value={tk.id} />
                  <ConfirmTick label={t("hotlineExport.revokeConfirm")} />
                  <Button variant="danger">{t("hotlineExport.revoke")}</Button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
