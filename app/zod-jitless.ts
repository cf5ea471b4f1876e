import { z } from "zod";

// In the browser zod must not probe `new Function` (its fast path for object schemas): the page's
// Content-Security-Policy forbids eval, and Chromium reports the caught probe as a CSP violation.
// Imported first by root.tsx, so it runs before any schema of a route module is built.
if (typeof document !== "undefined") z.config({ jitless: true });
