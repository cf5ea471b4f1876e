import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { topicPhotos, topics } from "../../db/schema";
import { msg } from "../forms/messages";
import type { PhotoType } from "../forms/topic";
import type { PhotoPurpose } from "../workflow/execution";
import { now } from "./clock.server";
import { appendLedger } from "./ledger.server";
import { createTopicInTx, type NewTopic } from "./topic-create.server";
import { uploadsDir } from "./upload.server";
import { write } from "./write.server";

/** What a file is, decided by its first bytes (never by its name or the browser's word for it). */
export function sniffImageType(bytes: Uint8Array): PhotoType | null {
  const starts = (sig: number[], at = 0) => bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);
  if (starts([0xff, 0xd8, 0xff])) return "image/jpeg";
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return "image/webp";
  return null;
}

export interface CheckedPhoto {
  bytes: Buffer;
  mime: PhotoType;
  sha256: string;
}

/** Reads the uploaded files and keeps those that are JPEG, PNG or WebP; the others become one error. */
export async function checkPhotos(files: File[]): Promise<{ photos: CheckedPhoto[]; errors: string[] }> {
  const photos: CheckedPhoto[] = [];
  let refused = 0;
  for (const file of files) {
    const bytes = Buffer.from(await file.arrayBuffer());
    const mime = sniffImageType(bytes);
    if (!mime) refused++;
    else photos.push({ bytes, mime, sha256: createHash("sha256").update(bytes).digest("hex") });
  }
  return { photos, errors: refused ? [msg("propose.upload.notAnImage", { count: refused })] : [] };
}

const SHA256 = /^[0-9a-f]{64}$/;

function photoPath(sha256: string): string {
  if (!SHA256.test(sha256)) throw new Error("not a sha256");
  return path.join(uploadsDir(), sha256);
}

/**
 * Writes each photo under its hash, once: a retried upload finds the file there and leaves it. The
 * write goes to a temporary name first, so a half-written file never carries a hash's name.
 */
export function storePhotoFiles(photos: CheckedPhoto[]): void {
  if (photos.length === 0) return;
  fs.mkdirSync(uploadsDir(), { recursive: true });
  for (const photo of photos) {
    const target = photoPath(photo.sha256);
    if (fs.existsSync(target)) continue;
    const temporary = path.join(uploadsDir(), `.tmp-${randomBytes(8).toString("hex")}`);
    fs.writeFileSync(temporary, photo.bytes, { flag: "wx" });
    fs.renameSync(temporary, target);
  }
}

/** A new topic with its photos: files first (named by hash), then the topic, its photo rows and the ledger in one transaction. */
export function createTopicWithPhotos({ topic, photos }: { topic: NewTopic; photos: CheckedPhoto[] }): { id: number; number: number } {
  storePhotoFiles(photos);
  return write((tx) => {
    const created = createTopicInTx(tx, topic);
    if (photos.length === 0) return created;
    const at = now();
    tx.insert(topicPhotos)
      .values(photos.map((p) => ({ topicId: created.id, sha256: p.sha256, mime: p.mime, bytes: p.bytes.length, createdAt: at })))
      .run();
    appendLedger(tx, {
      communityId: topic.communityId,
      type: "topic.photosAttached",
      actorId: topic.proposerId,
      subject: `topic:${created.id}`,
      payload: { photos: photos.map((p) => ({ sha256: p.sha256, mime: p.mime, bytes: p.bytes.length })) },
      at,
    });
    return created;
  });
}

/** The proposal's photos of one topic of the community, oldest first (evidence photos are listed with their reports). */
export function listTopicPhotos({ topicId, communityId }: { topicId: number; communityId: number }) {
  return getDb()
    .select({ id: topicPhotos.id, mime: topicPhotos.mime, bytes: topicPhotos.bytes })
    .from(topicPhotos)
    .innerJoin(topics, eq(topics.id, topicPhotos.topicId))
    .where(and(eq(topicPhotos.topicId, topicId), eq(topics.communityId, communityId), eq(topicPhotos.purpose, "proposal")))
    .orderBy(topicPhotos.id)
    .all();
}

/** A stored photo of the community with its bytes, or null (another community's, unknown, or its file gone). */
export function getPhoto({ photoId, communityId, purposes }: { photoId: number; communityId: number; purposes?: readonly PhotoPurpose[] }): { mime: PhotoType; sha256: string; bytes: Buffer } | null {
  const row = getDb()
    .select({ sha256: topicPhotos.sha256, mime: topicPhotos.mime })
    .from(topicPhotos)
    .innerJoin(topics, eq(topics.id, topicPhotos.topicId))
    .where(and(eq(topicPhotos.id, photoId), eq(topics.communityId, communityId), purposes ? inArray(topicPhotos.purpose, [...purposes]) : undefined))
    .get();
  if (!row || !SHA256.test(row.sha256)) return null;
  try {
    return { mime: row.mime, sha256: row.sha256, bytes: fs.readFileSync(photoPath(row.sha256)) };
  } catch {
    return null;
  }
}
