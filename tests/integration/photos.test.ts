// The photo route: the stored bytes with headers that keep a browser from treating them as anything
// but an image, and only for the members of the photo's community (and its street admin).
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkPhotos, createTopicWithPhotos, getPhoto, listTopicPhotos, sniffImageType } from "~/models/photo.server";
import { makeJpegLike, makePng } from "../fixtures/propose";
import { communityId, userId } from "./support/db";
import { useServer } from "./support/http";
import { filesIn, useOwnUploadsDir } from "./support/propose";

const uploads = useOwnUploadsDir();
const http = useServer();
const png = makePng({ width: 5, height: 5, seed: 21 });
const jpeg = makeJpegLike(128, 21);
let mingyuePhoto: number;
let shiliuPhoto: number;
let mingyueTopic: number;

async function topicWithPhotos(slug: "mingyue" | "shiliu", proposer: string, files: Buffer[]) {
  const { photos } = await checkPhotos(files.map((b, i) => new File([new Uint8Array(b)], `p${i}`)));
  const { id } = createTopicWithPhotos({
    topic: { communityId: communityId(slug), proposerId: userId(proposer), title: `照片测试 ${slug}`, description: "有照片", location: "", categoryId: null, source: "resident" },
    photos,
  });
  return id;
}

beforeAll(async () => {
  mingyueTopic = await topicWithPhotos("mingyue", "resident1", [png, jpeg]);
  mingyuePhoto = listTopicPhotos({ topicId: mingyueTopic, communityId: communityId("mingyue") })[0].id;
  const shiliuTopic = await topicWithPhotos("shiliu", "villager1", [makePng({ seed: 22 })]);
  shiliuPhoto = listTopicPhotos({ topicId: shiliuTopic, communityId: communityId("shiliu") })[0].id;
});

describe("photos are stored", () => {
  it("in the uploads folder beside the test database, under their SHA-256", () => {
    const files = filesIn(uploads);
    expect(files).toHaveLength(3);
    for (const name of files) expect(name).toMatch(/^[0-9a-f]{64}$/);
    expect(uploads.startsWith(path.dirname(process.env.DATABASE_PATH!))).toBe(true);
    expect(uploads).not.toContain(`${path.sep}public${path.sep}`);
  });

  it("and read back only within their own community", () => {
    expect(getPhoto({ photoId: mingyuePhoto, communityId: communityId("mingyue") })?.bytes).toEqual(png);
    expect(getPhoto({ photoId: mingyuePhoto, communityId: communityId("shiliu") })).toBeNull();
    expect(listTopicPhotos({ topicId: mingyueTopic, communityId: communityId("shiliu") })).toEqual([]);
  });

  it("typed by their first bytes", () => {
    expect(sniffImageType(png)).toBe("image/png");
    expect(sniffImageType(jpeg)).toBe("image/jpeg");
    expect(sniffImageType(Buffer.from("GIF89a"))).toBeNull();
  });
});

describe("the photo route", () => {
  it("serves a member the bytes with safe headers", async () => {
    const res = await http.fetch(`/c/mingyue/photos/${mingyuePhoto}`, { cookie: await http.login("resident3") });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-disposition")).toBe("inline");
    expect(res.headers.get("cache-control")).toBe("private, max-age=86400");
    expect(res.headers.get("content-security-policy")).toMatch(/^default-src 'none'/);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(png);
  });

  it("serves the street admin of the community's street", async () => {
    const res = await http.fetch(`/c/shiliu/photos/${shiliuPhoto}`, { cookie: await http.login("street1") });
    expect(res.status).toBe(200);
  });

  it("answers 404 to another community's member, through either community's address", async () => {
    const villager = await http.login("villager1");
    expect((await http.fetch(`/c/mingyue/photos/${mingyuePhoto}`, { cookie: villager })).status).toBe(404);
    expect((await http.fetch(`/c/shiliu/photos/${mingyuePhoto}`, { cookie: villager })).status).toBe(404);
    expect((await http.fetch(`/c/shiliu/photos/${shiliuPhoto}`, { cookie: villager })).status).toBe(200);
  });

  it("answers 404 to unknown and malformed ids, never 500", async () => {
    const cookie = await http.login("resident1");
    for (const id of ["abc", "-1", "0", "1.5", "99999999", "99999999999999999999", "%00", "1e3", `${mingyuePhoto}x`, "%20" + mingyuePhoto]) {
      const res = await http.fetch(`/c/mingyue/photos/${id}`, { cookie });
      expect(res.status, id).toBe(404);
    }
  });

  it("sends a signed-out visitor to sign in", async () => {
    const res = await http.fetch(`/c/mingyue/photos/${mingyuePhoto}`);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
  });

  it("answers 404, not 500, when the file has gone missing from disk", async () => {
    const id = await topicWithPhotos("mingyue", "resident2", [makePng({ seed: 23 })]);
    const [photo] = listTopicPhotos({ topicId: id, communityId: communityId("mingyue") });
    const stored = getPhoto({ photoId: photo.id, communityId: communityId("mingyue") })!;
    fs.rmSync(path.join(uploads, stored.sha256));
    const res = await http.fetch(`/c/mingyue/photos/${photo.id}`, { cookie: await http.login("resident1") });
    expect(res.status).toBe(404);
  });
});
