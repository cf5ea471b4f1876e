import { useTranslation } from "~/i18n/use-translation";
import { translateError } from "~/forms/messages";
import { Alert } from "~/components/ui/alert";
import { InviteLetters, type Letter } from "./invite-letters";
import { LettersForm, type RosterImportRow } from "./letters-form";
import { RosterImport, type RosterImportOutcome } from "./roster-import";
import { RosterList, type RosterListPerson } from "./roster-list";

export interface RosterActionData {
  intent: "import" | "letters" | null;
  outcome: RosterImportOutcome | null;
  letters: { size: "a4" | "a6"; items: Letter[] } | null;
  result?: { error?: Record<string, string[] | null> } | null;
}

/** A roster page (the street's or a community's): the letters just issued, or the import, the letters form and the list. */
export function RosterPage({ path, street, people, imports, data }: { path: string; street: boolean; people: RosterListPerson[]; imports: RosterImportRow[]; data: RosterActionData | undefined }) {
  const { t } = useTranslation();
  if (data?.letters) return <InviteLetters letters={data.letters.items} size={data.letters.size} backHref={path} />;
  const errors = Object.values(data?.result?.error ?? {}).flatMap((e) => e ?? []);
  return (
    <main id="main" className="mx-auto max-w-3xl space-y-4 px-4 py-5">
      <h1 className="text-2xl font-bold">{t("roster.title")}</h1>
      <p className="text-sm text-stone-600">{t("roster.intro")}</p>
      {errors.length ? <Alert tone="error">{errors.map((e) => translateError(t, e)).join(" ")}</Alert> : null}
      <RosterImport templateHref={`${path}/template.csv`} street={street} outcome={data?.outcome ?? null} />
      <LettersForm imports={imports} pending={people.filter((p) => p.pending).length} />
      <RosterList people={people} street={street} />
    </main>
  );
}
