import { useTranslation } from "~/i18n/use-translation";
import { translateError } from "~/forms/messages";
import { Alert } from "~/components/ui/alert";

/** Why the last post was refused: the model's problem, or the fields the form got wrong. */
export function RegisterBanner({ data }: { data: { problem: string | null; result?: unknown } }) {
  const { t } = useTranslation();
  const errors = (data.result as { error?: Record<string, string[] | null> } | null)?.error ?? {};
  const fields = Object.entries(errors).filter(([, e]) => e?.length);
  return (
    <Alert tone="error">
      {data.problem ? <p data-testid="register-problem">{t(`register.problems.${data.problem}`)}</p> : null}
      {fields.map(([name, e]) => (
        <p key={name} data-testid="register-field-error">
          {t(`register.form.${name}`, { defaultValue: name })}: {e!.map((m) => translateError(t, m)).join(" ")}
        </p>
      ))}
    </Alert>
  );
}
