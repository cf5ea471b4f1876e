import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** From the topic page to its consultation page (opinions, meetings, freezing). */
export function ConsultationLink({ slug, topicId }: { slug: string; topicId: number }) {
  const { t } = useTranslation();
  return (
    <Link
      to={`/c/${slug}/topics/${topicId}/consultation`}
      className="flex min-h-[44px] items-center rounded-lg border border-hall-200 bg-hall-50 px-4 py-2 text-sm font-medium text-hall-800 hover:bg-hall-100"
      data-testid="consultation-link"
    >
      {t("consultation.link")} →
    </Link>
  );
}
