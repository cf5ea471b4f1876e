import { useTranslation } from "~/i18n/use-translation";
import { HOTLINE_EXPORT_COLUMNS } from "~/workflow/hotline-export";

/** The export's columns in the hotline's order: the Chinese header, the JSON key and what it holds. */
export function HotlineColumns() {
  const { t } = useTranslation();
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="hotline-columns">
        <thead>
          <tr className="border-b border-stone-300">
            <th scope="col" className="py-2 pr-2">#</th>
            <th scope="col" className="py-2 pr-3">
              {t("hotlineExport.column")} / {t("hotlineExport.jsonKey")}
            </th>
            <th scope="col" className="py-2">{t("hotlineExport.meaning")}</th>
          </tr>
        </thead>
        <tbody>
          {HOTLINE_EXPORT_COLUMNS.map((c, i) => (
            <tr key={c.key} className="border-b border-stone-100 align-top">
              <td className="py-2 pr-2 text-stone-600">{i + 1}</td>
              <td className="py-2 pr-3">
                <span className="block whitespace-nowrap font-medium">{c.header}</span>
                <code className="text-xs text-stone-600">{c.key}</code>
              </td>
              <td className="py-2">{t(`hotlineExport.meanings.${c.key}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
