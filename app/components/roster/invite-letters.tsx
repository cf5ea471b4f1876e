import { useTranslation } from "~/i18n/use-translation";
import { PageStyle, PrintButton, printCss } from "~/components/ui/print";

/** One letter as the server wrote it (in Chinese, whatever the page's language). */
export interface Letter {
  code: string;
  qrSvg: string;
  heading: string;
  greeting: string;
  registered: string;
  codeLabel: string;
  steps: string[];
  once: string;
  help: string;
}

// One letter per sheet, the sheet's own size; nothing of the site around them on paper.
const css = (size: "a4" | "a6") => `${printCss("letters")}
@page { size: ${size === "a4" ? "A4" : "A6"}; margin: ${size === "a4" ? "18mm" : "7mm"}; }
@media print {
  .letter { break-after: page; page-break-after: always; border: 0 !important; margin: 0 !important; }
  .letter:last-child { break-after: auto; page-break-after: auto; }
}`;

function InviteLetter({ letter, size }: { letter: Letter; size: "a4" | "a6" }) {
  const small = size === "a6";
  return (
    <section lang="zh-CN" className={`letter mx-auto mb-6 rounded-lg border border-stone-300 bg-white ${small ? "max-w-[105mm] space-y-2 p-3 text-[12px]" : "max-w-[180mm] space-y-4 p-8 text-base"}`} data-testid="invite-letter">
      <h2 className={small ? "text-base font-bold" : "text-2xl font-bold"}>{letter.heading}</h2>
      <p>{letter.greeting}</p>
      <p>{letter.registered}</p>
      <div className="flex flex-wrap items-center gap-4">
        <div className={small ? "h-[32mm] w-[32mm]" : "h-[55mm] w-[55mm]"} data-testid="letter-qr" dangerouslySetInnerHTML={{ __html: letter.qrSvg }} />
        <div>
          <p className="text-sm">{letter.codeLabel}</p>
          <p className={`font-mono font-bold tracking-widest ${small ? "text-xl" : "text-4xl"}`} data-testid="letter-code">
            {letter.code}
          </p>
        </div>
      </div>
      <ol className="list-decimal space-y-1 pl-5">
        {letter.steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <p>{letter.once}</p>
      <p>{letter.help}</p>
    </section>
  );
}

/** The print page: every letter of the post, one per sheet (A4 or A6), with a print button. */
export function InviteLetters({ letters, size, backHref }: { letters: Letter[]; size: "a4" | "a6"; backHref: string }) {
  const { t } = useTranslation();
  return (
    <main id="main" className="mx-auto max-w-4xl space-y-4 px-4 py-5">
      <PageStyle css={css(size)} />
      <div className="no-print space-y-2">
        <h1 className="text-2xl font-bold">{t("roster.letters.printTitle", { count: letters.length })}</h1>
        <p className="text-sm text-stone-600">{t("roster.letters.printHint")}</p>
        <p className="text-sm text-amber-800">{t("roster.letters.keepSafe")}</p>
        <div className="flex flex-wrap gap-3">
          <PrintButton label={t("roster.letters.print")} />
          <a href={backHref} className="inline-flex min-h-[44px] items-center text-sm">
            {t("roster.letters.back")}
          </a>
        </div>
        {letters.length === 0 ? <p data-testid="no-letters">{t("roster.letters.none")}</p> : null}
      </div>
      <div id="letters">
        {letters.map((l) => (
          <InviteLetter key={l.code} letter={l} size={size} />
        ))}
      </div>
    </main>
  );
}
