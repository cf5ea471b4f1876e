import { useTranslation } from "~/i18n/use-translation";
import { Card } from "~/components/ui/card";

/** The description as plain text (line breaks kept, never HTML) and the topic's photos. */
export function TopicBody({ description, photos, number, slug }: { description: string; photos: Array<{ id: number }>; number: number; slug: string }) {
  const { t } = useTranslation();
  return (
    <Card title={t("topic.description")}>
      {description ? (
        <p className="whitespace-pre-wrap break-words leading-relaxed text-stone-800" data-testid="topic-description">
          {description}
        </p>
      ) : (
        <p className="text-sm text-stone-500">{t("topic.noDescription")}</p>
      )}
      {photos.length ? (
        <div className="mt-4">
          <h3 className="mb-2 text-sm font-semibold text-stone-700">{t("topic.photos")}</h3>
          <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3">
            {photos.map((photo, i) => (
              <li key={photo.id}>
                <a href={`/c/${slug}/photos/${photo.id}`} className="block">
                  <img
                    src={`/c/${slug}/photos/${photo.id}`}
                    alt={t("topic.photoAlt", { number, index: i + 1 })}
                    loading="lazy"
                    className="aspect-[4/3] w-full rounded-md border border-stone-200 bg-stone-100 object-cover"
                  />
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Card>
  );
}
