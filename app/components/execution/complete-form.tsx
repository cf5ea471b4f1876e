import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";

/** 报告完成: every task is done; the topic moves to supervision and the residents' rating opens. */
export function CompleteForm() {
  const { t } = useTranslation();
  return (
    <Form method="post" className="space-y-2 rounded-lg border border-green-300 bg-green-50 p-4" data-testid="complete-form">
      <input type="hidden" name="intent" value="complete" />
      <p className="text-sm text-green-900">{t("execution.complete.hint")}</p>
      <Button>{t("execution.complete.submit")}</Button>
    </Form>
  );
}
