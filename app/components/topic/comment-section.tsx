import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { checkComment } from "~/forms/comment-check";
import { COMMENT_MAX } from "~/forms/limits";
import { RenderedAhead } from "../rendered-ahead";
import { isoOf, useFormats, type Instant } from "./formats";
import { TextareaField } from "../ui/textarea-field";
import { renderStored, type StoredMessage } from "~/i18n/stored-message";

export interface CommentData {
  id: number;
  /** What the author wrote (beside a system-made message: the committee's note). */
  body: string;
  /** A system-made comment (a solicitation's summary), said in the reader's language. */
  message?: StoredMessage | null;
  createdAt: Instant;
  authorName: string;
}

interface Props {
  comments: CommentData[];
  total: number;
  hasOlder: boolean;
  olderPage: boolean;
  mayComment: boolean;
  lastResult?: SubmissionResult<string[]> | null;
  refused: boolean;
}

/** 评论: a page of comments (the newest 100, older ones behind a link) and the form for those who may. */
export function CommentSection({ comments, total, hasOlder, olderPage, mayComment, lastResult, refused }: Props) {
  const { t } = useTranslation();
  return (
    <Card title={<span id="comments">{t("topic.comments.title")}</span>} actions={<span className="text-sm text-stone-500">{t("topic.comments.count", { count: total })}</span>}>
      <div className="space-y-4">
        {hasOlder || olderPage ? (
          <nav className="flex justify-between text-sm">
            {hasOlder ? <Link to={`?commentsBefore=${comments[0].id}#comments`}>{t("topic.comments.older")}</Link> : <span />}
            {olderPage ? <Link to="?#comments">{t("topic.comments.newest")}</Link> : null}
          </nav>
        ) : null}
        {comments.length ? (
          <RenderedAhead part={COMMENTS_PART} as="ol" className={LIST} data-testid="comments">
            <CommentItems comments={comments} />
          </RenderedAhead>
        ) : (
          <p className="text-sm text-stone-500">{t("topic.comments.none")}</p>
        )}
        {refused ? <Alert tone="error">{t("topic.comments.notAllowed")}</Alert> : null}
        {mayComment ? (
          // A new key after each comment empties the form again once the page reloads its data.
          <CommentForm key={comments.at(-1)?.id ?? 0} lastResult={lastResult} />
        ) : (
          <p className="text-sm text-stone-500">{t("topic.comments.closed")}</p>
        )}
      </div>
    </Card>
  );
}

/** The load-context fragment with the comment items' markup (rendered ahead by the topic page's loader). */
export const COMMENTS_PART = "topic-comments";

const LIST = "divide-y divide-stone-100";

export function CommentItems({ comments }: { comments: CommentData[] }) {
  const { t } = useTranslation();
  const { dateTime } = useFormats();
  return (
    <>
      {comments.map((c) => (
        <li key={c.id} id={`comment-${c.id}`} className="py-2">
          <p className="text-xs text-stone-500">
            <span className="font-medium text-stone-800">{c.authorName}</span> · <time dateTime={isoOf(c.createdAt)}>{dateTime.format(new Date(c.createdAt))}</time>
          </p>
          <p className="mt-1 whitespace-pre-wrap break-words text-sm text-stone-800">{[renderStored(t, c.message, ""), c.body].filter(Boolean).join("\n")}</p>
        </li>
      ))}
    </>
  );
}

function CommentForm({ lastResult }: { lastResult?: SubmissionResult<string[]> | null }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "comment";
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => checkComment(formData),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" preventScrollReset {...getFormProps(form)} className="space-y-2" data-testid="comment-form">
      <input type="hidden" name="intent" value="comment" />
      <TextareaField field={fields.body} label={t("topic.comments.label")} hint={t("topic.comments.hint")} maxLength={COMMENT_MAX} />
      <Button disabled={busy}>{t("topic.comments.submit")}</Button>
    </Form>
  );
}
