import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";
import { useRef, type KeyboardEvent } from "react";
import { useTranslation } from "~/i18n/use-translation";

type Tool = "heading2" | "heading3" | "bulletList" | "orderedList" | "bold" | "undo" | "redo";

const TOOLS: ReadonlyArray<{ tool: Tool; glyph: string }> = [
  { tool: "heading2", glyph: "H2" },
  { tool: "heading3", glyph: "H3" },
  { tool: "bulletList", glyph: "•" },
  { tool: "orderedList", glyph: "1." },
  { tool: "bold", glyph: "B" },
  { tool: "undo", glyph: "↶" },
  { tool: "redo", glyph: "↷" },
];

// Undo and redo are the Collaboration extension's (Yjs' undo manager): each person undoes only their own edits.
function run(editor: Editor, tool: Tool) {
  const chain = editor.chain().focus();
  if (tool === "heading2") chain.toggleHeading({ level: 2 }).run();
  else if (tool === "heading3") chain.toggleHeading({ level: 3 }).run();
  else if (tool === "bulletList") chain.toggleBulletList().run();
  else if (tool === "orderedList") chain.toggleOrderedList().run();
  else if (tool === "bold") chain.toggleBold().run();
  else if (tool === "undo") chain.undo().run();
  else chain.redo().run();
}

/**
 * 格式工具栏: headings, lists, bold, undo and redo. One tab stop (the arrow keys, Home and End move
 * between the buttons, as WAI-ARIA's toolbar pattern has it); toggles say whether they are on with
 * aria-pressed. The buttons keep the editor's selection (mouse-down does not take the focus).
 */
export function DraftToolbar({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      heading2: e.isActive("heading", { level: 2 }),
      heading3: e.isActive("heading", { level: 3 }),
      bulletList: e.isActive("bulletList"),
      orderedList: e.isActive("orderedList"),
      bold: e.isActive("bold"),
      undo: e.can().undo(),
      redo: e.can().redo(),
    }),
  });
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const buttons = Array.from(ref.current?.querySelectorAll("button") ?? []);
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (next === undefined || at < 0) return;
    event.preventDefault();
    const target = buttons[(next + buttons.length) % buttons.length];
    for (const b of buttons) b.tabIndex = b === target ? 0 : -1;
    target.focus();
  }
  return (
    <div
      ref={ref}
      role="toolbar"
      aria-label={t("draft.toolbar.label")}
      aria-controls="draft-editor"
      onKeyDown={onKeyDown}
      className="flex flex-wrap gap-1 border-b border-stone-200 bg-stone-50 px-2 py-1"
      data-testid="draft-toolbar"
    >
      {TOOLS.map(({ tool, glyph }, i) => {
        const toggle = tool !== "undo" && tool !== "redo";
        const on = state[tool];
        return (
          <button
            key={tool}
            type="button"
            tabIndex={i === 0 ? 0 : -1}
            aria-pressed={toggle ? on : undefined}
            aria-disabled={!toggle && !on ? true : undefined}
            title={t(`draft.toolbar.${tool}`)}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => (toggle || on ? run(editor, tool) : undefined)}
            data-tool={tool}
            className="inline-flex min-h-[44px] min-w-[44px] items-center justify-center gap-1 rounded-md border border-transparent px-2 text-sm text-stone-800 hover:bg-stone-200 aria-disabled:cursor-default aria-disabled:text-stone-400 aria-disabled:hover:bg-transparent aria-pressed:border-hall-500 aria-pressed:bg-hall-50 aria-pressed:text-hall-700"
          >
            <span aria-hidden="true" className={`font-mono ${tool === "bold" ? "font-bold" : ""}`}>
              {glyph}
            </span>
            <span>{t(`draft.toolbar.${tool}`)}</span>
          </button>
        );
      })}
    </div>
  );
}
