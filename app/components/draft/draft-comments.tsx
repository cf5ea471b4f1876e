import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { isoOf, useFormats, type Instant } from "~/components/topic/formats";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { TextareaField } from "~/components/ui/textarea-field";
import { DRAFT_COMMENT_MAX, draftCommentSchema, QUOTE_MAX } from "~/forms/draft";
import { AnswerForm } from "./answer-form";

export interface DraftCommentData {
  id: number;
  quote: string;
  body: string;
  status: "open" | "adopted" | "notAdopted";
  reply: string;
  createdAt: Instant;
  authorName: string;
  answererName: string | null;
  replies: Array<{ id: number; body: string; createdAt: Instant; authorName: string }>;
}

export interface FormReply {
  intent: "comment" | "answer" | "saveVersion" | null;
  target: string | null;
  problem: string | null;
  result: SubmissionResult<string[]> | null;
}

const STATUS_TONE = { open: "bg-stone-100 text-stone-700", adopted: "bg-green-100 text-green-800", notAdopted: "bg-amber-100 text-amber-900" } as const;

/** 对草案的意见: threaded comments (one level of replies), each top-level one answered by the committee. */
/** A refusal of fields whose form is not on the page (the comment it answered is gone, or answering closed): the form was out of date. */
function isStray(reply: FormReply | null, comments: DraftCommentData[], mayAnswer: boolean, mayComment: boolean): boolean {
  if (!reply || reply.problem || (reply.intent !== "comment" && reply.intent !== "answer")) return false;
  const onPage = comments.some((c) => String(c.id) === reply.target);
  return reply.intent === "answer" ? !(mayAnswer && onPage) : !mayComment || (reply.target !== null && !onPage);
}

export function DraftComments({ comments, mayComment, mayAnswer, reply }: { comments: DraftCommentData[]; mayComment: boolean; mayAnswer: boolean; reply: FormReply | null }) {
  const { t } = useTranslation();
  const mine = (intent: string, target: string | null) => (reply?.intent === intent && reply.target === target ? reply : null);
  const problem = reply?.intent === "comment" || reply?.intent === "answer" ? reply.problem : null;
  return (
    <Card title={<span id="draft-comments">{t("draft.comments.title")}</span>}>
      <div className="space-y-4">
        {problem ? <Alert tone="error">{t(`draft.comments.${problem === "badParent" ? "badParent" : "notAllowed"}`)}</Alert> : null}
        {isStray(reply, comments, mayAnswer, mayComment) ? <Alert tone="error">{t("errors.altered")}</Alert> : null}
        {comments.length ? (
          <ol className="space-y-4" data-testid="draft-comments">
            {comments.map((c) => (
              <li key={c.id} id={`draft-comment-${c.id}`} className="space-y-2 rounded-md border border-stone-200 p-3" data-testid="draft-comment">
                <Byline name={c.authorName} at={c.createdAt}>
                  <span className={`ml-2 rounded px-1.5 py-0.5 ${STATUS_TONE[c.status]}`} data-testid="draft-comment-status">
                    {t(`draft.comments.status.${c.status}`)}
                  </span>
                </Byline>
                {c.quote ? (
                  <blockquote className="whitespace-pre-wrap break-words border-l-4 border-hall-300 bg-stone-50 px-2 py-1 text-sm text-stone-700">
                    <span className="sr-only">{t("draft.comments.quoted")}: </span>
                    {c.quote}
                  </blockquote>
                ) : null}
                <p className="whitespace-pre-wrap break-words text-sm">{c.body}</p>
                {c.status !== "open" && c.reply ? (
                  <div className="rounded bg-stone-50 px-2 py-1 text-sm" data-testid="draft-comment-answer">
                    <p className="text-xs text-stone-500">{t("draft.comments.answeredBy", { name: c.answererName ?? "" })}</p>
                    <p className="whitespace-pre-wrap break-words">{c.reply}</p>
                  </div>
                ) : null}
                {c.replies.length ? (
                  <ol className="space-y-2 border-l-2 border-stone-200 pl-3">
                    {c.replies.map((r) => (
                      <li key={r.id} id={`draft-comment-${r.id}`}>
                        <Byline name={r.authorName} at={r.createdAt} />
                        <p className="whitespace-pre-wrap break-words text-sm">{r.body}</p>
                      </li>
                    ))}
                  </ol>
                ) : null}
                {mayAnswer ? <AnswerForm commentId={c.id} status={c.status} reply={c.reply} lastResult={mine("answer", String(c.id))?.result ?? null} /> : null}
                {mayComment ? (
                  <details open={Boolean(mine("comment", String(c.id)))}>
                    <summary className="inline-flex min-h-[44px] cursor-pointer items-center text-sm text-hall-700">{t("draft.comments.reply")}</summary>
                    <CommentForm key={c.replies.length} parentId={c.id} lastResult={mine("comment", String(c.id))?.result ?? null} />
                  </details>
                ) : null}
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-sm text-stone-500">{t("draft.comments.none")}</p>
        )}
        {mayComment ? <CommentForm key={comments.length} lastResult={mine("comment", null)?.result ?? null} /> : <p className="text-sm text-stone-500">{t("draft.comments.closed")}</p>}
      </div>
    </Card>
  );
}

function Byline({ name, at, children }: { name: string; at: Instant; children?: React.ReactNode }) {
  const { dateTime } = useFormats();
  return (
    <p className="text-xs text-stone-500">
      <span className="font-medium text-stone-800">{name}</span> · <time dateTime={isoOf(at)}>{dateTime.format(new Date(at))}</time>
      {children}
    </p>
  );
}

/** The last text selected inside the draft, for the quote field (with JavaScript). */
function useDraftSelection() {
  const last = useRef("");
  useEffect(() => {
    const onChange = () => {
      const selection = document.getSelection();
      const text = selection?.toString().trim() ?? "";
      const area = document.getElementById("draft-text");
      if (text && area && selection?.anchorNode && area.contains(selection.anchorNode)) last.current = text.slice(0, QUOTE_MAX);
    };
    document.addEventListener("selectionchange", onChange);
    return () => document.removeEventListener("selectionchange", onChange);
  }, []);
  return last;
}

function CommentForm({ parentId, lastResult }: { parentId?: number; lastResult: SubmissionResult<string[]> | null }) {
  const { t } = useTranslation();
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const selection = useDraftSelection();
  const quoteRef = useRef<HTMLDivElement>(null);
  const [form, fields] = useForm({
    id: parentId ? `draft-reply-${parentId}` : "draft-comment",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: draftCommentSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const fillQuote = () => {
    const textarea = quoteRef.current?.querySelector("textarea");
    if (textarea && selection.current) textarea.value = selection.current;
  };
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-2" data-testid={parentId ? "draft-reply-form" : "draft-comment-form"}>
      <input type="hidden" name="intent" value="comment" />
      {parentId ? <input type="hidden" name="parentId" value={parentId} /> : null}
      {parentId ? null : (
        <div ref={quoteRef} className="space-y-1">
          <TextareaField field={fields.quote} label={t("draft.comments.quoteLabel")} hint={t("draft.comments.quoteHint")} rows={2} maxLength={QUOTE_MAX} />
          {hydrated ? (
            <Button type="button" variant="secondary" onClick={fillQuote} data-testid="quote-selection">
              {t("draft.comments.quoteSelection")}
            </Button>
          ) : null}
        </div>
      )}
      <TextareaField field={fields.body} label={t(parentId ? "draft.comments.replyLabel" : "draft.comments.bodyLabel")} hint={t("draft.comments.bodyHint")} rows={parentId ? 2 : 4} maxLength={DRAFT_COMMENT_MAX} />
      <Button>{t(parentId ? "draft.comments.replySubmit" : "draft.comments.submit")}</Button>
    </Form>
  );
}
