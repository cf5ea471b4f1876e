import { useTranslation } from "~/i18n/use-translation";

interface Props {
  /** Formatted on the server (renderMarkdown): escaped text in known tags only. */
  html: string;
  /** The canonical text itself, byte for byte what the SHA-256 is of. */
  text: string;
  testId: string;
  /** Show the canonical text fold (off where the page offers it elsewhere). */
  canonical?: boolean;
}

/**
 * A frozen text as residents read it (headings, lists, bold, paragraphs), and folded under it the
 * canonical text exactly as hashed, for anyone who wants to check the hash by hand.
 */
export function FormattedText({ html, text, testId, canonical = true }: Props) {
  const { t } = useTranslation();
  return (
    <div className="space-y-2">
      <div className="draft-prose max-h-[32rem] overflow-auto rounded bg-stone-50 p-3 text-stone-800 [&>:first-child]:mt-0" data-testid={testId} dangerouslySetInnerHTML={{ __html: html }} />
      {canonical ? (
        <details className="text-sm">
          <summary className="min-h-[44px] cursor-pointer py-2 text-hall-700">{t("draft.canonicalText")}</summary>
          <pre className="max-h-80 overflow-auto whitespace-pre-wrap break-words rounded border border-stone-200 bg-white p-3 font-mono text-xs text-stone-800" data-testid={`${testId}-canonical`}>
            {text}
          </pre>
        </details>
      ) : null}
    </div>
  );
}
