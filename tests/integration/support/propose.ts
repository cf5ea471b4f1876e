// Helpers for the propose, photo and hotline tests: a private uploads folder per test file (beside
// its database copy), counts of everything a refused request must leave alone, multipart bodies.
import fs from "node:fs";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { getDb } from "../../../db/client.server";
import { deadlines, ledgerEntries, topicEvents, topicPhotos, topics } from "../../../db/schema";

/** Call at the top of a test file, before the server starts: uploads go to a folder of this file's own. */
export function useOwnUploadsDir(): string {
  const db = process.env.DATABASE_PATH!;
  const dir = path.join(path.dirname(db), `${path.basename(db, ".db")}-uploads`);
  process.env.UPLOADS_DIR = dir;
  return dir;
}

export function filesIn(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
}

/** Everything proposing or importing writes. */
export function snapshot(uploads: string) {
  const db = getDb();
  const n = (table: typeof topics | typeof topicPhotos | typeof ledgerEntries | typeof topicEvents | typeof deadlines) => db.select({ n: count() }).from(table).get()!.n;
  return { topics: n(topics), photos: n(topicPhotos), ledger: n(ledgerEntries), events: n(topicEvents), deadlines: n(deadlines), files: filesIn(uploads).length };
}

export function topicById(id: number) {
  return getDb().select().from(topics).where(eq(topics.id, id)).get();
}

export function photosOf(topicId: number) {
  return getDb().select().from(topicPhotos).where(eq(topicPhotos.topicId, topicId)).orderBy(topicPhotos.id).all();
}

export interface UploadFile {
  bytes: Uint8Array;
  name: string;
  type?: string;
}

/** A multipart body as a browser sends it: the fields, then each file under `fileField`. */
export function multipart(fields: Record<string, string>, files: UploadFile[] = [], fileField = "photos"): FormData {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  for (const file of files) body.append(fileField, new Blob([new Uint8Array(file.bytes)], { type: file.type ?? "application/octet-stream" }), file.name);
  return body;
}

/** The id in a redirect to /c/<slug>/topics/<id>. */
export function topicIdFrom(res: Response, slug = "mingyue"): number {
  const match = new RegExp(`^/c/${slug}/topics/(\\d+)$`).exec(res.headers.get("location") ?? "");
  if (!match) throw new Error(`expected a redirect to a topic, got ${res.status} ${res.headers.get("location")}`);
  return Number(match[1]);
}
