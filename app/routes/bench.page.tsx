// The baseline of `npm run bench:pages` (bench/pages.ts): a GET page that does what a real page does
// minus the model — check the session is signed in, render through the root layout (header, the
// signed-in user's menu). It exists only while the server runs with BENCH_ROUTES=1; otherwise it is
// not found (404), like any unknown URL.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { notFound, requireUser } from "~/auth/guards.server";

export async function loader(args: LoaderFunctionArgs) {
  if (process.env.BENCH_ROUTES !== "1") notFound();
  const user = requireUser(args);
  return json({ name: user.displayName });
}

export default function BenchPage() {
  const { name } = useLoaderData<typeof loader>();
  return (
    <main id="main" className="mx-auto max-w-6xl px-4 py-5">
      <h1 className="text-2xl font-bold">bench</h1>
      <p>{name}</p>
    </main>
  );
}
