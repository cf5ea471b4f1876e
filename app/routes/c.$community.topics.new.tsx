import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/page-title";
import { pageTitle } from "~/i18n/page-title.server";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { ProposeForm } from "~/components/propose/propose-form";
import { Card } from "~/components/ui/card";
import { requireAccess } from "~/auth/guards.server";
import { parseForm } from "~/actions/parse-form.server";
import { cleanSearchQuery, MAX_PHOTOS, proposeSchema } from "~/forms/topic";
import { checkPhotos, createTopicWithPhotos } from "~/models/photo.server";
import { listCatalogue } from "~/models/rules.server";
import { searchTopics } from "~/models/topic-search.server";
import { formatSize, readFileUpload, uploadMaxBytes } from "~/models/upload.server";
import type { Role } from "~/workflow/roles";

export const meta = titleMeta;

/** Residents propose (co-signs first); the committee files directly (screening first). */
const fileAsChoices = (roles: Role[]) => (["resident", "committee"] as const).filter((r) => roles.includes(r));

export async function loader(args: LoaderFunctionArgs) {
  const { community, roles } = requireAccess(args, args.params.community, "proposeTopic");
  const params = new URL(args.request.url).searchParams;
  const query = cleanSearchQuery(params.get("title"));
  const similar = Array.from(query).length >= 2 ? searchTopics({ communityId: community.id, query, limit: 5, similar: true }) : [];
  const text = (name: string, max: number) => (params.get(name) ?? "").slice(0, max);
  return json({
    title: await pageTitle(args.request, [["propose.title"], community], community.kind),
    community: { slug: community.slug, nameZh: community.nameZh, nameEn: community.nameEn },
    catalogue: listCatalogue({ communityId: community.id }).map(({ code, nameZh, nameEn }) => ({ code, nameZh, nameEn })),
    fileAsChoices: fileAsChoices(roles),
    draft: { title: text("title", 200), description: text("description", 4000), location: text("location", 200), category: text("category", 40), showName: params.get("showName") === "on" },
    similarQuery: query,
    similar: similar.map(({ id, number, title, stage, cosignCount }) => ({ id, number, title, stage, cosignCount })),
    photos: { max: MAX_PHOTOS, maxBytes: uploadMaxBytes(), sizeLabel: formatSize(uploadMaxBytes()) },
  });
}

export async function action(args: ActionFunctionArgs) {
  const { user, community, roles } = requireAccess(args, args.params.community, "proposeTopic");
  const upload = await readFileUpload(args.request, { field: "photos", maxFiles: MAX_PHOTOS, maxFileBytes: uploadMaxBytes() });
  const submission = parseForm(upload.formData, proposeSchema);
  const checked = await checkPhotos(upload.files);
  const photoErrors = [...upload.fileErrors, ...checked.errors];
  const value = submission.status === "success" ? submission.value : null;
  const fileAs = value?.fileAs ?? fileAsChoices(roles)[0];
  if (value && !fileAsChoices(roles).includes(fileAs)) {
    return json(submission.reply({ formErrors: [fileAs === "committee" ? "propose.notCommittee" : "errors.forbidden"] }), { status: 403 });
  }
  const category = value ? listCatalogue({ communityId: community.id }).find((c) => c.code === value.category) : undefined;
  const fieldErrors: Record<string, string[]> = {};
  if (value && !category) fieldErrors.category = ["errors.choice"];
  if (photoErrors.length) fieldErrors.photos = photoErrors;
  if (!value || !category || upload.formError || photoErrors.length) {
    return json(submission.reply({ fieldErrors, ...(upload.formError ? { formErrors: [upload.formError] } : {}) }), { status: 400 });
  }
  const { id } = createTopicWithPhotos({
    topic: {
      communityId: community.id,
      proposerId: user.id,
      title: value.title,
      description: value.description,
      location: value.location,
      categoryId: category.id,
      source: fileAs,
      showProposerName: value.showName,
    },
    photos: checked.photos,
  });
  return redirect(`/c/${community.slug}/topics/${id}`);
}

export default function ProposeTopic() {
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation();
  const committee = data.fileAsChoices.includes("committee");
  return (
    <main id="main" className="mx-auto max-w-2xl space-y-4 px-4 py-5">
      <h1 className="text-2xl font-bold">{t("propose.title")}</h1>
      <p className="text-sm text-stone-600">{committee ? t("propose.committeeIntro") : t("propose.intro")}</p>
      <Card>
        <ProposeForm
          slug={data.community.slug}
          catalogue={data.catalogue}
          fileAsChoices={data.fileAsChoices}
          draft={data.draft}
          similar={{ query: data.similarQuery, topics: data.similar }}
          photos={data.photos}
          lastResult={lastResult}
        />
      </Card>
    </main>
  );
}
