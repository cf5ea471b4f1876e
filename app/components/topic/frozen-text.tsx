import { Form } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { FormattedText } from "./formatted-text";
import { isoOf, useFormats, type Instant } from "./formats";

export interface FreezeData {
  /** The canonical text: what is hashed, published and voted on. */
  text: string;
  /** The same text formatted for reading (renderMarkdown on the server). */
  html: string;
  sha256: string;
  frozenAt: Instant;
  frozenBy: string;
  /** The server's re-hash of the stored text, when `?verify=1` asked for it (no JavaScript needed). */
  verified: boolean | null;
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** 定稿文本: the frozen canonical text, its SHA-256, when and by whom; "verify" re-hashes it in the browser (or on the server without JS). */
export function FrozenText({ freeze }: { freeze: FreezeData }) {
  const { t } = useTranslation();
  const { dateTime } = useFormats();
  const [local, setLocal] = useState<{ hash: string; ok: boolean } | null>(null);
  const verdict = local ? local.ok : freeze.verified;
  async function verify(event: FormEvent<HTMLFormElement>) {
    if (!globalThis.crypto?.subtle) return; // no Web Crypto (plain http): let the server check
    event.preventDefault();
    const hash = await sha256Hex(freeze.text);
    setLocal({ hash, ok: hash === freeze.sha256 });
  }
  return (
    <Card title={<span id="frozen">{t("consultation.frozen.title")}</span>}>
      <div className="space-y-3 text-sm" data-testid="frozen-text">
        <p className="text-stone-600">
          {t("consultation.frozen.frozenBy", { name: freeze.frozenBy })}{" "}
          <time dateTime={isoOf(freeze.frozenAt)}>{dateTime.format(new Date(freeze.frozenAt))}</time>
        </p>
        <FormattedText html={freeze.html} text={freeze.text} testId="frozen-body" />
        <p className="text-stone-700">
          {t("consultation.frozen.sha256")}:{" "}
          <code className="break-all font-mono text-xs" data-testid="frozen-sha256">
            {freeze.sha256}
          </code>
        </p>
        <Form method="get" onSubmit={verify} className="flex flex-wrap items-center gap-3">
          <input type="hidden" name="verify" value="1" />
          <Button variant="secondary" data-testid="verify">
            {t("consultation.frozen.verify")}
          </Button>
          <span className="text-xs text-stone-500">{t("consultation.frozen.verifyHint")}</span>
        </Form>
        {verdict === null ? null : (
          <div data-testid="verify-result">
            <Alert tone={verdict ? "success" : "error"}>
              {verdict ? t("consultation.frozen.matches") : t("consultation.frozen.mismatch")}
              {local ? <span className="block break-all font-mono text-xs">{t("consultation.frozen.computed", { hash: local.hash })}</span> : null}
            </Alert>
          </div>
        )}
      </div>
    </Card>
  );
}
