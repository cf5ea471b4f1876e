import type { ReactNode } from "react";

const TONES = {
  error: "border-red-300 bg-red-50 text-red-800",
  success: "border-green-300 bg-green-50 text-green-800",
  info: "border-sky-300 bg-sky-50 text-sky-900",
} as const;

export function Alert({ tone = "info", children, id }: { tone?: keyof typeof TONES; children: ReactNode; id?: string }) {
  if (!children) return null;
  return (
    <div id={id} role={tone === "error" ? "alert" : "status"} className={`rounded-md border px-3 py-2 text-sm ${TONES[tone]}`}>
      {children}
    </div>
  );
}
