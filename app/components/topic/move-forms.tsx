import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { ConfirmTick } from "~/components/ui/confirm-tick";
import { REASON_MAX } from "~/forms/limits";
import { translateError } from "~/forms/messages";
import { BlockerList } from "./blocker-list";

export interface Move {
  action: string;
  needsReason: boolean;
  /** Irreversible (受理, 不予受理): the form carries a <ConfirmTick> and the server refuses it unticked. */
  confirm: boolean;
  /** What the step gate finds missing (app/workflow/step-gates.ts): the button is disabled and says why. */
  blockers: string[];
}

export interface MoveRefusal {
  action: string;
  problem: string | null;
  /** A refusal by a step gate (409 `blocked`) says what is missing. */
  blockers: readonly string[];
  fieldErrors: Record<string, string[] | null | undefined>;
}

const DANGER = new Set(["reject", "withdraw", "merge", "sendBack", "reopen"]);

/**
 * One small form per move the signed-in person may make. Convenience only: the server checks the
 * move, the role and the state again on every post.
 */
export function MoveForms({ moves, refusal, slug, topicId }: { moves: Move[]; refusal: MoveRefusal | null; slug: string; topicId: number }) {
  const { t } = useTranslation();
  return (
    <Card title={t("topic.moves.title")}>
      <p className="mb-3 text-sm text-stone-600">{t("topic.moves.intro")}</p>
      <div className="space-y-4">
        {moves.map((move) => (
          <MoveForm key={move.action} move={move} refusal={refusal?.action === move.action ? refusal : null} slug={slug} topicId={topicId} />
        ))}
      </div>
    </Card>
  );
}

function MoveForm({ move, refusal, slug, topicId }: { move: Move; refusal: MoveRefusal | null; slug: string; topicId: number }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("action") === move.action;
  const label = t(`topic.moves.labels.${move.action}`);
  const id = `move-${move.action}`;
  const errorsOf = (name: string) => (refusal?.fieldErrors[name] ?? []).map((e) => translateError(t, e)).join(" ");
  const reasonError = errorsOf("reason");
  const numberError = errorsOf("mergeNumber");
  const confirmError = errorsOf("confirm");
  // A refused post lists what the server found missing; otherwise the page says what the same gate finds now.
  const refusedBlockers = refusal?.problem === "blocked" ? refusal.blockers : [];
  const blocked = move.blockers.length > 0;
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
      {refusedBlockers.length ? (
        <BlockerList blockers={refusedBlockers} slug={slug} topicId={topicId} title={t("topic.problems.blocked")} tone="error" />
      ) : refusal?.problem ? (
        <Alert tone="error">{t(`topic.problems.${refusal.problem}`)}</Alert>
      ) : null}
      {blocked && !refusedBlockers.length ? <BlockerList blockers={move.blockers} slug={slug} topicId={topicId} title={t("topic.problems.blocked")} /> : null}
      {move.confirm ? <ConfirmTick label={t(`topic.moves.confirm.${move.action}`)} error={confirmError || null} /> : null}
      <Button variant={DANGER.has(move.action) ? "danger" : "primary"} disabled={busy || blocked} className="w-full sm:w-auto">
        {t("topic.moves.submit", { action: label })}
      </Button>
    </Form>
  );
}
