import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { kindVariables, type CommunityKind } from "~/i18n/kind-words";
import { Button } from "../ui/button";
import { Card } from "../ui/card";

interface Member {
  communitySlug: string;
  communityNameZh: string;
  communityKind: CommunityKind;
  communityNameEn: string;
  userId: number;
  username: string;
  displayName: string;
  role: string;
}

/** Members grouped by community, one revoke form per role (plain forms: no JavaScript needed). */
export function MemberList({ members }: { members: Member[] }) {
  const { t, i18n } = useTranslation();
  const communities = [...new Set(members.map((m) => m.communitySlug))];
  return (
    <div className="space-y-4">
      {communities.map((slug) => {
        const rows = members.filter((m) => m.communitySlug === slug);
        return (
          <Card key={slug} title={i18n.language === "en" ? rows[0].communityNameEn : rows[0].communityNameZh}>
            <ul className="divide-y divide-stone-100" data-testid={`members-${slug}`}>
              {rows.map((m) => (
                <li key={`${m.userId}-${m.role}`} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                  <span>
                    <span className="font-medium">{m.displayName}</span> <span className="text-stone-500">({m.username})</span> · {t(`roles.${m.role}`, kindVariables(i18n, m.communityKind))}
                  </span>
                  <Form method="post">
                    <input type="hidden" name="intent" value="revoke" />
                    <input type="hidden" name="community" value={m.communitySlug} />
                    <input type="hidden" name="userId" value={m.userId} />
                    <input type="hidden" name="role" value={m.role} />
                    <Button variant="danger" aria-label={`${t("members.revoke")}: ${m.displayName} · ${t(`roles.${m.role}`, kindVariables(i18n, m.communityKind))}`}>
                      {t("members.revoke")}
                    </Button>
                  </Form>
                </li>
              ))}
            </ul>
          </Card>
        );
      })}
    </div>
  );
}
