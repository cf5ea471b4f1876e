import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { kindVariables, type CommunityKind } from "~/i18n/kind-words";
import { formatsFor } from "./topic/formats";
import { Button } from "./ui/button";

interface InviteRow {
  id: number;
  role: string;
  codeHint: string;
  note: string;
  maxUses: number;
  uses: number;
  expiresAt: string;
  revokedAt: string | null;
  communityNameZh: string;
  communityKind: CommunityKind;
  communityNameEn: string;
  /** Its community's zone: an invite expires at that community's time. */
  timeZone: string;
}

function stateOf(invite: InviteRow, now: number) {
  if (invite.revokedAt) return "revoked";
  if (new Date(invite.expiresAt).getTime() <= now) return "expired";
  if (invite.uses >= invite.maxUses) return "usedUp";
  return "active";
}

export function InviteList({ invites, now }: { invites: InviteRow[]; now: number }) {
  const { t, i18n } = useTranslation();
  if (invites.length === 0) return <p className="text-sm text-stone-600">{t("invites.none")}</p>;
  return (
    <ul className="divide-y divide-stone-100" data-testid="invite-list">
      {invites.map((invite) => {
        const state = stateOf(invite, now);
        return (
          <li key={invite.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
            <div>
              <div className="font-medium">
                {i18n.language === "en" ? invite.communityNameEn : invite.communityNameZh} · {t(`roles.${invite.role}`, kindVariables(i18n, invite.communityKind))}
                {/* "召集人 · 尾号 4XBV": a separator between the role and the code's tail, never "召集人尾号 …4XBV". */}
                <span className="font-mono text-xs text-stone-500" data-testid="invite-code-tail">
                  {" · "}
                  {t("invites.codeTail", { hint: invite.codeHint })}
                </span>
              </div>
              <div className="text-xs text-stone-500">
                {t("invites.uses")} {invite.uses}/{invite.maxUses} · {t("invites.expires")} {formatsFor(i18n.language, invite.timeZone).date.format(new Date(invite.expiresAt))} ·{" "}
                {t(`invites.state_${state}`)}
                {invite.note ? ` · ${invite.note}` : ""}
              </div>
            </div>
            {state === "active" ? (
              <Form method="post">
                <input type="hidden" name="intent" value="revoke" />
                <input type="hidden" name="inviteId" value={invite.id} />
                <Button variant="danger">{t("invites.revoke")}</Button>
              </Form>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
