// The truly bare baseline of `npm run bench:pages` (bench/pages.ts), beside /bench/page: a resource
// route (no default export), so Remix calls neither the root loader nor any parent loader and renders
// no root layout (docs: "none of the parent route loaders are called"). It checks the session is
// signed in, renders a tiny React element with renderToString and answers it as HTML: what a page
// costs in Remix's request handling and React alone. It exists only while the server runs with
// BENCH_ROUTES=1; otherwise it is not found (404), like any unknown URL.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderToString } from "react-dom/server";
import { notFound, requireUser } from "~/auth/guards.server";

export async function loader(args: LoaderFunctionArgs) {
  if (process.env.BENCH_ROUTES !== "1") notFound();
  const user = requireUser(args);
  const body = renderToString(
    <main id="main">
      <h1>bench</h1>
      <p>{user.displayName}</p>
    </main>,
  );
  return new Response(`<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>bench</title></head><body>${body}</body></html>`, {
    headers: { "Content-Type": "text/html; charset=utf-8" },
  });
}
