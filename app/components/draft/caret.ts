/** Only a plain #rrggbb colour reaches a style (the palette's colours are; anything else is grey). */
const safeColor = (color: unknown) => (typeof color === "string" && /^#[0-9a-f]{6}$/i.test(color) ? color : "#57534e");

/**
 * Another person's caret: a thin coloured line at the caret with a small name tag above it (not a
 * bar across the line). Our own element with our own class names (styled in tailwind.css outside any
 * layer, so Tailwind never drops them); the name is text, never markup.
 */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const color = safeColor(user.color);
  const caret = document.createElement("span");
  caret.className = "draft-caret";
  caret.style.borderColor = color;
  caret.setAttribute("data-testid", "draft-caret");
  const label = document.createElement("span");
  label.className = "draft-caret__label";
  label.style.backgroundColor = color;
  label.textContent = typeof user.name === "string" ? user.name : "";
  caret.append(label);
  // Near the editor's right edge (a phone's narrow line) the tag hangs to the left of the caret instead.
  requestAnimationFrame(() => {
    const bound = caret.closest(".ProseMirror")?.getBoundingClientRect();
    if (bound && label.getBoundingClientRect().right > bound.right) label.classList.add("draft-caret__label--left");
  });
  return caret;
}
