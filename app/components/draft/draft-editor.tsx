import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { EditorContent, useEditor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useTranslation } from "~/i18n/use-translation";
import type { WebsocketProvider } from "y-websocket";
import type * as Y from "yjs";
import { DRAFT_FIELD } from "~/models/draft-text";
import { renderCaret } from "./caret";
import { DraftToolbar } from "./draft-toolbar";

interface Props {
  doc: Y.Doc;
  provider: WebsocketProvider;
  editable: boolean;
  user: { name: string; color: string; editing: boolean };
}

/**
 * The Tiptap editor bound to the shared document. This module (and Tiptap with it) is only loaded
 * on the drafting page, lazily, once the document has synced; readers get it non-editable so they
 * see the committee's changes as they happen, without the toolbar.
 */
export default function DraftEditor({ doc, provider, editable, user }: Props) {
  const { t } = useTranslation();
  const editor = useEditor({
    immediatelyRender: false,
    editable,
    extensions: [
      // Collaboration brings its own undo (per person); StarterKit's must be off.
      StarterKit.configure({ undoRedo: false, heading: { levels: [1, 2, 3] }, link: false, underline: false, horizontalRule: false, codeBlock: false }),
      Collaboration.configure({ document: doc, field: DRAFT_FIELD }),
      ...(editable ? [CollaborationCaret.configure({ provider, user, render: renderCaret })] : []),
    ],
    editorProps: {
      attributes: { id: "draft-editor", "aria-label": t("draft.editorLabel"), class: "draft-prose min-h-[12rem] px-3 py-2 focus:outline-none", "data-testid": "draft-editor" },
    },
  });
  return (
    <>
      {editable && editor ? <DraftToolbar editor={editor} /> : null}
      <EditorContent editor={editor} />
    </>
  );
}
