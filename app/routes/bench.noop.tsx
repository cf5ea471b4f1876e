// The baseline of `npm run bench:votes` (bench/vote-storm.ts): a Remix action doing what a real one
// does minus the model — read the form, check the session is signed in, redirect. It exists only
// while the server runs with BENCH_ROUTES=1; otherwise it is not found (404), like any unknown URL.
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { notFound, requireUser } from "~/auth/guards.server";
import { readForm } from "~/actions/read-form.server";

const enabled = () => process.env.BENCH_ROUTES === "1";

export async function action(args: ActionFunctionArgs) {
  if (!enabled()) notFound();
  requireUser(args);
  const form = await readForm(args.request);
  return redirect(`/bench/noop?done=${encodeURIComponent(String(form.get("motionId") ?? ""))}`);
}

export async function loader() {
  if (!enabled()) notFound();
  return null;
}

// A page component, so a post here takes the same document-request path as a real page's post.
export default function BenchNoop() {
  return <main id="main">noop</main>;
}
