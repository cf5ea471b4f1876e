import { useState, type ChangeEvent } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { translateError } from "~/forms/messages";

/**
 * The photo picker. The server decides what is accepted (by the files' bytes); with JavaScript the
 * count and sizes are checked here too, before anything is sent.
 */
export function PhotoInput({ name, max, maxBytes, sizeLabel, errors, id = "photos", required = false }: { name: string; max: number; maxBytes: number; sizeLabel: string; errors: string[]; id?: string; required?: boolean }) {
  const { t } = useTranslation();
  const [local, setLocal] = useState<string[]>([]);
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.currentTarget.files ?? []);
    const problems: string[] = [];
    if (files.length > max) problems.push(`propose.upload.tooManyFiles|max=${max}`);
    if (files.some((f) => f.size > maxBytes)) problems.push(`propose.upload.fileTooLarge|size=${encodeURIComponent(sizeLabel)}`);
    setLocal(problems);
  };
  const shown = local.length ? local : errors;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {t(required ? "propose.photosRequired" : "propose.photos")}
      </label>
      <input
        id={id}
        name={name}
        type="file"
        multiple
        required={required}
        accept="image/jpeg,image/png,image/webp"
        onChange={onChange}
        aria-describedby={shown.length ? `${id}-hint ${id}-error` : `${id}-hint`}
        aria-invalid={shown.length ? true : undefined}
        className="block min-h-[44px] w-full max-w-full text-sm file:mr-3 file:min-h-[44px] file:cursor-pointer file:rounded-md file:border-0 file:bg-stone-200 file:px-3 file:text-stone-800 file:text-sm"
      />
      <p id={`${id}-hint`} className="text-xs text-stone-500">
        {t("propose.photosHint", { max, size: sizeLabel })}
      </p>
      {shown.length ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {shown.map((e) => translateError(t, e)).join(" ")}
        </p>
      ) : null}
    </div>
  );
}
