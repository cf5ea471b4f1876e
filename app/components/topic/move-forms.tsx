import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { REASON_MAX } from "~/forms/limits";
import { translateError } from "~/forms/messages";

export interface Move {
  action: string;
  needsReason: boolean;
}

export interface MoveRefusal {
  action: string;
  problem: string | null;
  fieldErrors: Record<string, string[] | null | undefined>;
}

const DANGER = new Set(["reject", "withdraw", "merge", "sendBack", "reopen"]);

/**
 * One small form per move the signed-in person may make. Convenience only: the server checks the
 * move, the role and the state again on every post.
 */
export function MoveForms({ moves, refusal }: { moves: Move[]; refusal: MoveRefusal | null }) {
  const { t } = useTranslation();
  return (
    <Card title={t("topic.moves.title")}>
      <p className="mb-3 text-sm text-stone-600">{t("topic.moves.intro")}</p>
      <div className="space-y-4">
        {moves.map((move) => (
          <MoveForm key={move.action} move={move} refusal={refusal?.action === move.action ? refusal : null} />
        ))}
      </div>
    </Card>
  );
}

function MoveForm({ move, refusal }: { move: Move; refusal: MoveRefusal | null }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("action") === move.action;
  const label = t(`topic.moves.labels.${move.action}`);
  const id = `move-${move.action}`;
  const errorsOf = (name: string) => (refusal?.fieldErrors[name] ?? []).map((e) => translateError(t, e)).join(" ");
  const reasonError = errorsOf("reason");
  const numberError = errorsOf("mergeNumber");
  return (
    <Form method="post" className="space-y-2 rounded-md border border-stone-200 p-3" data-testid={id} aria-labelledby={`${id}-title`}>
      <input type="hidden" name="intent" value="move" />
      <input type="hidden" name="action" value={move.action} />
      <h3 id={`${id}-title`} className="font-semibold text-stone-900">
        {label}
      </h3>
      {move.action === "merge" ? (
        <div className="space-y-1">
          <label htmlFor={`${id}-number`} className="block text-sm font-medium text-stone-800">
            {t("topic.moves.mergeNumber")}
          </label>
          <input
            id={`${id}-number`}
            name="mergeNumber"
            type="number"
            inputMode="numeric"
            min={1}
            required
            aria-describedby={`${id}-number-hint`}
            aria-invalid={numberError ? true : undefined}
            className="block min-h-[44px] w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base"
          />
          <p id={`${id}-number-hint`} className="text-xs text-stone-500">
            {t("topic.moves.mergeHint")}
          </p>
          {numberError ? <p className="text-sm text-red-700">{numberError}</p> : null}
        </div>
      ) : null}
      {move.needsReason ? (
        <div className="space-y-1">
          <label htmlFor={`${id}-reason`} className="block text-sm font-medium text-stone-800">
            {t("topic.moves.reason")}
          </label>
          <textarea
            id={`${id}-reason`}
            name="reason"
            rows={3}
            required
            maxLength={REASON_MAX}
            aria-invalid={reasonError ? true : undefined}
            className="block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base"
          />
          {reasonError ? <p className="text-sm text-red-700">{reasonError}</p> : null}
        </div>
      ) : null}
      {refusal?.problem ? <Alert tone="error">{t(`topic.problems.${refusal.problem}`)}</Alert> : null}
      <Button variant={DANGER.has(move.action) ? "danger" : "primary"} disabled={busy} className="w-full sm:w-auto">
        {t("topic.moves.submit", { action: label })}
      </Button>
    </Form>
  );
}
