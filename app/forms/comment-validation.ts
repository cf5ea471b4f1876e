import { parseWithZod } from "@conform-to/zod/v4";
import { commentSchema } from "./topic-actions";

/** The comment form's client-side check, loaded on demand (see lazy-validation.ts). */
export const validateComment = ({ formData }: { formData: FormData }) => parseWithZod(formData, { schema: commentSchema });
