import { z } from "zod";

// In the browser zod must not probe `new Function` (its fast path for object schemas): the page's
// Content-Security-Policy forbids eval, and Chromium reports the caught probe as a CSP violation.
// Every schema imports zod from here, so wherever zod reaches the browser it is configured before a
// schema parses — and pages without a schema (the topic page) never load zod at all.
if (typeof document !== "undefined") z.config({ jitless: true });

export { z };
