import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { StepBlocker } from "~/workflow/step-gates";

/** Where each missing step is done: the draft, the consultation page's two forms, the execution plan. */
function linksOf(blocker: string, base: string, onConsultationPage: boolean): Array<{ to: string; key: string }> {
  if (blocker === "emptyDraft") return [{ to: `${base}/draft`, key: onConsultationPage ? "consultation.goDraft" : "topic.blockerLinks.emptyDraft" }];
  if (blocker === "noConsultation") {
    // On the consultation page the two ways of consulting are right below: link to their forms.
    return onConsultationPage
      ? [
          { to: "#open-solicitation", key: "consultation.goSolicitation" },
          { to: "#record-meeting", key: "consultation.goMeeting" },
        ]
      : [{ to: `${base}/consultation`, key: "topic.blockerLinks.noConsultation" }];
  }
  return [{ to: `${base}/execution`, key: `topic.blockerLinks.${blocker}` }];
}

/**
 * What a step gate (app/workflow/step-gates.ts) finds missing before a move, in the reader's words,
 * each with a link to where it is done. Shown beside a disabled button and after a refused post (409
 * `blocked`), so the page and the server say the same thing.
 */
export function BlockerList({
  blockers,
  slug,
  topicId,
  title,
  tone = "info",
  onConsultationPage = false,
}: {
  blockers: readonly (StepBlocker | string)[];
  slug: string;
  topicId: number;
  title: string;
  tone?: "info" | "error";
  onConsultationPage?: boolean;
}) {
  const { t } = useTranslation();
  if (!blockers.length) return null;
  const base = `/c/${slug}/topics/${topicId}`;
  const colours = tone === "error" ? "border-red-300 bg-red-50 text-red-800" : "border-amber-300 bg-amber-50 text-amber-900";
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`space-y-1 rounded-md border px-3 py-2 text-sm ${colours}`} data-testid="blockers">
      <p className="font-medium">{title}</p>
      <ul className="list-disc space-y-1 pl-5">
        {blockers.map((b) => (
          <li key={b} data-blocker={b}>
            {t(`topic.blockers.${b}`)}{" "}
            {linksOf(b, base, onConsultationPage).map((l) => (
              <Link key={l.to} to={l.to} className="mr-3 inline-flex min-h-[44px] items-center font-medium underline sm:min-h-0">
                {t(l.key)}
              </Link>
            ))}
          </li>
        ))}
      </ul>
    </div>
  );
}
