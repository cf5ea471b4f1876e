import { lazy, Suspense, useEffect, useState } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { useDraftConnection, type DraftStatus, type Presence } from "./use-draft-connection";

// Tiptap is loaded only here, only in the browser, only on this page.
const DraftEditor = lazy(() => import("./draft-editor"));

const STATUS_TONE: Record<DraftStatus, string> = {
  saved: "bg-green-100 text-green-800",
  syncing: "bg-sky-100 text-sky-900",
  reconnecting: "bg-amber-100 text-amber-900",
};

interface Props {
  topicId: number;
  html: string;
  editable: boolean;
  user: { name: string; color: string };
}

/** The draft's server-rendered text; once the browser has synced the live document, the editor. */
export function DraftLive({ topicId, html, editable, user }: Props) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const fallback = <div className="draft-prose px-3 py-2" data-testid="draft-text" dangerouslySetInnerHTML={{ __html: html }} />;
  return (
    <div id="draft-text" className="overflow-x-clip rounded-md border border-stone-200 bg-white">
      {mounted ? <Connected topicId={topicId} editable={editable} user={user} fallback={fallback} /> : fallback}
    </div>
  );
}

function Connected({ topicId, editable, user, fallback }: Omit<Props, "html"> & { fallback: JSX.Element }) {
  // What others see of us is set by the server; this is how we see ourselves, and it says the same.
  const me = { ...user, editing: editable };
  const { connection, status, synced, presence } = useDraftConnection(topicId, me);
  return (
    <>
      <StatusBar status={status} presence={presence} />
      {connection && synced ? (
        <Suspense fallback={fallback}>
          <DraftEditor doc={connection.doc} provider={connection.provider} editable={editable} user={me} />
        </Suspense>
      ) : (
        fallback
      )}
    </>
  );
}

function StatusBar({ status, presence }: { status: DraftStatus; presence: Presence[] }) {
  const { t } = useTranslation();
  return (
    <div className="flex flex-wrap items-center gap-2 border-b border-stone-200 px-3 py-2 text-xs">
      <span role="status" data-testid="draft-status" data-status={status} className={`rounded px-2 py-0.5 font-medium ${STATUS_TONE[status]}`}>
        {t(`draft.status.${status}`)}
      </span>
      <span className="text-stone-500">{t("draft.presence")}:</span>
      <ul className="flex flex-wrap gap-1" data-testid="draft-presence">
        {presence.map((p) => (
          <li key={p.clientId} className="rounded px-1.5 py-0.5 text-white" style={{ backgroundColor: p.color }} data-editing={p.editing}>
            {p.name}
            {p.self ? ` ${t("draft.you")}` : ""} · {t(p.editing ? "draft.editing" : "draft.reading")}
          </li>
        ))}
      </ul>
    </div>
  );
}
