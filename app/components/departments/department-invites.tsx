import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { useFormats } from "~/components/topic/formats";
import { Button } from "~/components/ui/button";
import { ConfirmTick } from "~/components/ui/confirm-tick";
import type { DepartmentInviteRow } from "./types";

function stateOf(invite: DepartmentInviteRow, now: number) {
  if (invite.revokedAt !== null) return "revoked";
  if (invite.usedAt !== null) return "used";
  if (invite.expiresAt <= now) return "expired";
  return "active";
}

/** The street's department invite codes: department, the code's last four, expiry, used (by whom) or revoked; an unused one may be revoked. */
export function DepartmentInvites({ invites, now }: { invites: DepartmentInviteRow[]; now: number }) {
  const { t, i18n } = useTranslation();
  const formats = useFormats();
  if (invites.length === 0) return <p className="text-sm text-stone-600">{t("departments.noInvites")}</p>;
  return (
    <ul className="divide-y divide-stone-100" data-testid="department-invites">
      {invites.map((invite) => {
        const state = stateOf(invite, now);
        return (
          <li key={invite.id} className="flex flex-wrap items-end justify-between gap-2 py-2 text-sm" data-invite={invite.id}>
            <div>
              <div className="font-medium">
                {i18n.language === "en" ? invite.departmentNameEn : invite.departmentNameZh}
                <span className="font-mono text-xs text-stone-500">
                  {" · "}
                  {t("departments.codeTail", { hint: invite.codeHint })}
                </span>
              </div>
              <div className="text-xs text-stone-600">
                {t("departments.expires", { date: formats.date.format(invite.expiresAt) })} · {t(`departments.state_${state}`)}
                {invite.usedBy ? ` · ${t("departments.usedBy", { name: invite.usedBy })}` : ""}
                {invite.note ? ` · ${invite.note}` : ""}
              </div>
            </div>
            {state === "active" ? (
              <Form method="post" className="flex flex-wrap items-end gap-2">
                <input type="hidden" name="intent" value="revokeInvite" />
                <input type="hidden" name="inviteId" value={invite.id} />
                <ConfirmTick label={t("departments.revokeConfirm")} />
                <Button variant="danger">{t("departments.revoke")}</Button>
              </Form>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
