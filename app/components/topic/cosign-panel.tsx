import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { RenderedAhead } from "../rendered-ahead";
import { AssistMark, type AssistedBy } from "~/components/assist/assist-mark";

export interface CosignData {
  collecting: boolean;
  threshold: number;
  daysLeft: number | null;
  /** Their names, in the order they co-signed. */
  cosigners: { name: string; assisted: AssistedBy | null }[];
  cosigned: boolean;
  mayCosign: boolean;
  mayWithdraw: boolean;
}

/** 附议: progress towards the rules' threshold, the button for those who may, and who co-signed. */
export function CosignPanel({ cosign, count, problem }: { cosign: CosignData; count: number; problem: string | null }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const intent = navigation.state === "submitting" ? navigation.formData?.get("intent") : null;
  const busy = intent === "cosign" || intent === "withdrawCosign";
  const pct = cosign.threshold > 0 ? Math.min(100, Math.round((count / cosign.threshold) * 100)) : 0;
  const days = cosign.daysLeft === null ? "" : cosign.daysLeft > 0 ? t("topic.cosign.daysLeft", { count: cosign.daysLeft }) : t("topic.cosign.lastDay");
  // The server usually has the chips rendered ahead (the same for every reader until a write).
  return (
    <Card title={t("topic.cosign.title")}>
      <div id="cosign" className="space-y-3">
        {cosign.collecting ? (
          <div className="space-y-1">
            <div
              className="h-3 overflow-hidden rounded-full bg-stone-200"
              role="progressbar"
              aria-valuemin={0}
              aria-valuemax={cosign.threshold}
              aria-valuenow={count}
              aria-label={t("topic.cosign.title")}
            >
              <div className="h-3 rounded-full bg-hall-600" style={{ width: `${pct}%` }} />
            </div>
            <p className="text-sm font-medium" data-testid="cosign-progress">
              {t("topic.cosign.progress", { count, threshold: cosign.threshold })}
              {days}
            </p>
          </div>
        ) : (
          <p className="text-sm text-stone-700" data-testid="cosign-progress">
            {t("topic.cosign.closed", { count })}
          </p>
        )}
        {problem ? <Alert tone="error">{t(`topic.cosign.problems.${problem}`)}</Alert> : null}
        {cosign.cosigned ? <p className="text-sm text-green-800">✓ {t("topic.cosign.youCosigned")}</p> : null}
        {cosign.mayCosign || cosign.mayWithdraw ? (
          <Form method="post" preventScrollReset>
            <input type="hidden" name="intent" value={cosign.mayCosign ? "cosign" : "withdrawCosign"} />
            <Button variant={cosign.mayCosign ? "primary" : "secondary"} disabled={busy} className="w-full sm:w-auto" data-testid="cosign-button">
              {t(cosign.mayCosign ? "topic.cosign.submit" : "topic.cosign.withdraw")}
            </Button>
          </Form>
        ) : null}
        <div>
          <h3 className="text-sm font-semibold text-stone-700">{t("topic.cosign.cosigners")}</h3>
          {cosign.cosigners.length ? (
            <RenderedAhead part={COSIGNERS_PART} as="ul" className={CHIPS} data-testid="cosigners">
              <CosignerChips cosigners={cosign.cosigners} />
            </RenderedAhead>
          ) : (
            <p className="mt-1 text-sm text-stone-500">{t("topic.cosign.none")}</p>
          )}
        </div>
      </div>
    </Card>
  );
}

/** The load-context fragment with the co-signer chips' markup (rendered ahead by the topic page's loader). */
export const COSIGNERS_PART = "topic-cosigners";

const CHIPS = "mt-1 flex flex-wrap gap-1.5";

export function CosignerChips({ cosigners }: { cosigners: { name: string; assisted: AssistedBy | null }[] }) {
  return (
    <>
      {cosigners.map((c, i) => (
        // Plain names (two people may share one): the position is key enough for a list of text.
        <li key={i} className="rounded-full bg-stone-100 px-2.5 py-0.5 text-sm text-stone-800">
          {c.name}
          <AssistMark assisted={c.assisted} className="ml-1" />
        </li>
      ))}
    </>
  );
}
