import { useTranslation } from "~/i18n/use-translation";
import { HOTLINE_COLUMNS } from "~/forms/hotline";

const EXAMPLE = `ticket,title,description,location,category,reported_at
GZ12345-0001,东门路灯不亮,东门至3号楼有两盏路灯不亮,东门,facilities,2024-05-01
GZ12345-0002,垃圾清运不及时,"北区投放点周末无人清运,异味明显",北区,environment,
`;

/** How the CSV must look: its columns, an example and this community's category codes. */
export function HotlineColumns({ catalogue }: { catalogue: Array<{ code: string; nameZh: string; nameEn: string }> }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  return (
    <div className="space-y-3 text-sm">
      <p>{t("propose.import.columns")}</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        {HOTLINE_COLUMNS.map((column) => (
          <div key={column} className="contents">
            <dt className="font-mono text-xs leading-5">{column}</dt>
            <dd className="text-stone-700">{t(`propose.import.col_${column}`)}</dd>
          </div>
        ))}
      </dl>
      <p className="font-medium">{t("propose.import.example")}</p>
      <pre className="overflow-x-auto rounded bg-stone-100 p-2 text-xs">{EXAMPLE}</pre>
      <p className="font-medium">{t("propose.import.categories")}</p>
      <ul className="flex flex-wrap gap-2" data-testid="category-codes">
        {catalogue.map((c) => (
          <li key={c.code} className="rounded bg-stone-100 px-2 py-1 text-xs">
            <code>{c.code}</code> {en ? c.nameEn : c.nameZh}
          </li>
        ))}
      </ul>
    </div>
  );
}
