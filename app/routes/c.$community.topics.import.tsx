import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/page-title";
import { pageTitle } from "~/i18n/page-title.server";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { HotlineColumns } from "~/components/propose/hotline-columns";
import { ImportResult, type ImportOutcome } from "~/components/propose/import-result";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { requireAccess } from "~/auth/guards.server";
import { HOTLINE_MAX_BYTES } from "~/forms/hotline";
import { importHotlineCsv } from "~/models/hotline-import.server";
import { listCatalogue } from "~/models/rules.server";
import { readFileUpload } from "~/models/upload.server";

export const meta = titleMeta;

export async function loader(args: LoaderFunctionArgs) {
  const { community } = requireAccess(args, args.params.community, "importHotline");
  return json({
    title: await pageTitle(args.request, [["propose.import.title"], community], community.kind),
    slug: community.slug,
    catalogue: listCatalogue({ communityId: community.id }).map(({ code, nameZh, nameEn }) => ({ code, nameZh, nameEn })),
  });
}

const refused = (message: string) => json<ImportOutcome>({ ok: false, problems: [{ line: 1, column: null, message }] }, { status: 400 });

export async function action(args: ActionFunctionArgs) {
  const { user, community } = requireAccess(args, args.params.community, "importHotline");
  const upload = await readFileUpload(args.request, { field: "file", maxFiles: 1, maxFileBytes: HOTLINE_MAX_BYTES });
  if (upload.formError) return refused(upload.formError);
  if (upload.fileErrors.length) return refused(upload.fileErrors[0]);
  const file = upload.files[0];
  if (!file || file.size === 0) return refused("propose.import.noFile");
  const outcome = importHotlineCsv({ communityId: community.id, actorId: user.id, bytes: new Uint8Array(await file.arrayBuffer()) });
  return json<ImportOutcome>(outcome, { status: outcome.ok ? 200 : 400 });
}

export default function ImportHotline() {
  const { slug, catalogue } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  return (
    <main id="main" className="mx-auto max-w-3xl space-y-4 px-4 py-5">
      <h1 className="text-2xl font-bold">{t("propose.import.title")}</h1>
      <p className="text-sm text-stone-600">{t("propose.import.intro")}</p>
      {outcome ? <ImportResult slug={slug} outcome={outcome} /> : null}
      <Card>
        <Form method="post" encType="multipart/form-data" className="space-y-4">
          <div className="space-y-1">
            <label htmlFor="file" className="block text-sm font-medium text-stone-800">
              {t("propose.import.file")}
            </label>
            <input id="file" name="file" type="file" accept=".csv,text/csv" required className="block min-h-[44px] w-full max-w-full text-sm file:mr-3 file:min-h-[44px] file:cursor-pointer file:rounded-md file:border-0 file:bg-stone-200 file:px-3 file:text-stone-800" />
          </div>
          <Button disabled={navigation.state === "submitting"} data-testid="import-submit">
            {t("propose.import.submit")}
          </Button>
        </Form>
      </Card>
      <Card>
        <HotlineColumns catalogue={catalogue} />
      </Card>
    </main>
  );
}
