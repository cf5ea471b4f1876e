// Lint rules that keep the layers apart (see style.md): browser-safe code never imports server code
// or the database, and routes reach the database only through app/models.
import tseslint from "typescript-eslint";

const serverOnly = {
  group: ["**/*.server", "**/*.server.*", "**/db/**", "../db/*", "../../db/*", "better-sqlite3", "drizzle-orm", "drizzle-orm/*", "@node-rs/argon2"],
  message: "Browser-safe code must not import server-only modules or the database.",
};

// The browser's CSP forbids eval, so zod is configured once (app/forms/zod.ts) and taken from there.
const zodFromForms = { name: "zod", message: "Import z from app/forms/zod: it is configured for the page's Content-Security-Policy." };

// Components translate through one hook that leaves i18next untouched (app/i18n/use-translation.ts).
const ownUseTranslation = { name: "react-i18next", importNames: ["useTranslation"], message: "Import useTranslation from ~/i18n/use-translation." };

export default tseslint.config(
  { ignores: ["build/**", "public/build/**", "node_modules/**", "reports/**", "test-results/**", "playwright-report/**", ".e2e/**", ".test-db/**"] },
  {
    files: ["**/*.{ts,tsx}"],
    extends: [tseslint.configs.recommended],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "no-console": ["error", { allow: ["error"] }],
    },
  },
  {
    files: ["app/components/**", "app/forms/**", "app/i18n/!(*.server).ts", "app/auth/permissions.ts", "app/auth/redirect.ts"],
    ignores: ["app/forms/zod.ts"],
    rules: { "no-restricted-imports": ["error", { paths: [zodFromForms, ownUseTranslation], patterns: [serverOnly] }] },
  },
  {
    // The method's rules are pure data and functions: they import nothing outside app/workflow.
    files: ["app/workflow/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ group: ["../*", "~/*", "**/db/**", "better-sqlite3", "drizzle-orm", "drizzle-orm/*", "react", "i18next"], message: "app/workflow imports nothing outside app/workflow." }] }] },
  },
  {
    // The database layer knows its schema and driver, nothing of the app above it.
    files: ["db/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ allowTypeImports: true, group: ["**/app/**", "~/*", "**/server/**", "**/tests/**", "**/bench/**"], message: "db/ imports nothing from app/, server/, tests/ or bench/ (the column types may name the domain's types)." }] }] },
  },
  {
    // The collaboration server's protocol loop is generic: this app's word reaches it only as hooks (policy.ts).
    files: ["server/collab/**"],
    ignores: ["server/collab/policy.ts", "server/collab/index.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ group: ["**/app/**", "~/*", "**/db/**", "./policy", "drizzle-orm", "better-sqlite3"], message: "The collab protocol loop knows nothing of this app: put it in server/collab/policy.ts as a hook." }] }] },
  },
  {
    files: ["app/routes/**", "app/pages/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [zodFromForms, ownUseTranslation], patterns: [{ group: ["**/db/**", "../db/*", "../../db/*", "better-sqlite3", "drizzle-orm", "drizzle-orm/*"], message: "Routes and page compositions reach the database through app/models." }] },
      ],
    },
  },
  {
    files: ["tests/**", "server/cli/**", "bench/**"],
    rules: { "no-console": "off" },
  },
);
