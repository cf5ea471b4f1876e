import { useCallback, useRef, useState } from "react";

/**
 * A form's client-side validation fetched when the person first focuses the form, not with the page:
 * the validators are zod schemas, and zod would otherwise be most of a page's JavaScript. Until it
 * has arrived the form is validated by the server alone (conform posts it when `onValidate` is
 * undefined), which answers with the same messages.
 * Usage: `const lazy = useLazyValidation(() => import("~/forms/x-validation").then((m) => m.validateX));`
 * then `useForm({ onValidate: lazy.validate, ... })` and `<Form onFocus={lazy.load} ...>`.
 */
export function useLazyValidation<V>(load: () => Promise<V>): { validate: V | undefined; load: () => void } {
  const [validate, setValidate] = useState<V>();
  const started = useRef(false);
  // `load` is a fresh arrow on every render; `started` makes only the first focus fetch.
  const start = useCallback(() => {
    if (started.current) return;
    started.current = true;
    load().then(
      (v) => setValidate(() => v),
      () => {
        started.current = false; // a failed fetch (offline): the server still validates; try again on the next focus
      },
    );
  }, [load]);
  return { validate, load: start };
}
