import path from "node:path";
import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type UploadHandler,
} from "@remix-run/node";
import { databasePath, PROJECT_ROOT } from "../../db/config";
import { REPORT_MAX_PHOTOS } from "../forms/execution";
import { msg } from "../forms/messages";
import { readForm } from "../actions/read-form.server";
import { VERIFY_MAX_PHOTOS } from "../forms/supervision";
import { MAX_PHOTOS } from "../forms/topic";

const MIB = 1024 * 1024;
/** Text fields of an upload form: far more than any field accepts, far less than a photo. */
const TEXT_PART_MAX = 64 * 1024;
const MAX_PARTS = 32;

/** The largest photo accepted, in bytes: `UPLOAD_MAX_BYTES`, 5 MiB by default. Read per request. */
export function uploadMaxBytes(): number {
  const value = Number(process.env.UPLOAD_MAX_BYTES);
  return Number.isSafeInteger(value) && value > 0 ? value : 5 * MIB;
}

/** The most files any upload form takes (photos of proposals, progress reports, on-site checks). */
const MOST_FILES = Math.max(MAX_PHOTOS, REPORT_MAX_PHOTOS, VERIFY_MAX_PHOTOS);

/**
 * The largest multipart body the HTTP server reads for a signed-in upload (server/body-limit.ts):
 * the most photos at their largest plus the text parts, 17 MiB by default. Bodies past it are
 * answered 413 before any route sees them; within it, a photo too large still gets its own message.
 */
export function uploadBodyMaxBytes(): number {
  return MOST_FILES * uploadMaxBytes() + MAX_PARTS * TEXT_PART_MAX;
}

/** Where uploaded files live: `UPLOADS_DIR`, or `uploads/` beside the database (never under public/). */
export function uploadsDir(): string {
  const configured = process.env.UPLOADS_DIR;
  return configured ? path.resolve(PROJECT_ROOT, configured) : path.join(path.dirname(databasePath()), "uploads");
}

/** 5 MB, 300 KB, 900 B: units read the same in both languages. */
export function formatSize(bytes: number): string {
  if (bytes >= MIB) return `${Math.round((bytes / MIB) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${bytes} B`;
}

export interface FileUpload {
  formData: FormData;
  /** The files of the file field, in order (empty file inputs left out). */
  files: File[];
  /** Problems of the file field (message keys): too many files, a file too large. */
  fileErrors: string[];
  /** A problem with the whole body (message key): too large or unreadable. Fields are then empty. */
  formError: string | null;
}

/**
 * Caps what reaches the parser. Past `cap` the rest is read and dropped (so the client gets our answer
 * instead of a reset connection), up to four times the cap; beyond that the upload is cut off.
 */
function limitBody(request: Request, cap: number, state: { tooLarge: boolean; unreadable: boolean }): Request {
  let seen = 0;
  const body = request.body!.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen <= cap) return controller.enqueue(chunk);
        state.tooLarge = true;
        if (seen > 4 * cap) controller.error(new Error("upload far too large"));
      },
    }),
  );
  return new Request(request.url, { method: request.method, headers: request.headers, body, duplex: "half" } as RequestInit);
}

/**
 * Reads a form that may carry files in `field`: at most `maxFiles` of at most `maxFileBytes` each,
 * kept in memory. Refusals become message keys, never exceptions; a body that is not multipart is
 * read as an ordinary form.
 */
export async function readFileUpload(
  request: Request,
  { field, maxFiles, maxFileBytes }: { field: string; maxFiles: number; maxFileBytes: number },
): Promise<FileUpload> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\b/i.test(type) || !request.body) {
    return { formData: await readForm(request), files: [], fileErrors: [], formError: null };
  }
  const cap = (maxFiles + 1) * maxFileBytes + MAX_PARTS * TEXT_PART_MAX;
  const tooLarge = msg("propose.upload.tooLarge", { size: formatSize(maxFiles * maxFileBytes) });
  const state = { tooLarge: false, unreadable: false };

  const fileHandler = unstable_createMemoryUploadHandler({ maxPartSize: maxFileBytes });
  const textHandler = unstable_createMemoryUploadHandler({ maxPartSize: TEXT_PART_MAX });
  const fileErrors = new Set<string>();
  let parts = 0;
  let files = 0;
  // Refusals are noted and the part skipped (never thrown), so the whole body is still read.
  const handler: UploadHandler = async (part) => {
    if (++parts > MAX_PARTS) {
      state.unreadable = true;
      return undefined;
    }
    if (typeof part.filename !== "string") {
      try {
        return await textHandler(part);
      } catch (error) {
        if (!(error instanceof MaxPartSizeExceededError)) throw error;
        state.unreadable = true;
        return undefined;
      }
    }
    // A file input left empty still sends a part, with no name and no bytes.
    if (part.name !== field || part.filename === "") return undefined;
    if (++files > maxFiles) {
      fileErrors.add(msg("propose.upload.tooManyFiles", { max: maxFiles }));
      return undefined;
    }
    try {
      return await fileHandler(part);
    } catch (error) {
      if (!(error instanceof MaxPartSizeExceededError)) throw error;
      fileErrors.add(msg("propose.upload.fileTooLarge", { size: formatSize(maxFileBytes) }));
      return undefined;
    }
  };
  try {
    const formData = await unstable_parseMultipartFormData(limitBody(request, cap, state), handler);
    if (state.tooLarge || state.unreadable) throw new Error("upload refused");
    const list = formData.getAll(field).filter((v): v is File => typeof v !== "string");
    return { formData, files: list, fileErrors: [...fileErrors], formError: null };
  } catch {
    const key = state.tooLarge ? tooLarge : msg("propose.upload.unreadable");
    return { formData: new FormData(), files: [], fileErrors: [], formError: key };
  }
}
