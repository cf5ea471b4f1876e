import { useTranslation } from "~/i18n/use-translation";

/** On every page while the demo accounts exist: their passwords are public (contracts.md, DEMO_SEED). */
export function DemoBanner() {
  const { t } = useTranslation();
  return (
    <div role="note" data-demo-banner className="no-print bg-amber-100 px-4 py-2 text-center text-sm font-medium text-amber-900">
      {t("streetCommunities.demoBanner")}
    </div>
  );
}
