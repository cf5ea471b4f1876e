// Proposing a topic over real HTTP: multipart bodies with photos, what is stored (rows, files,
// ledger), and every refusal leaving the database and the uploads folder exactly as they were.
import fs from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { catalogueEntries, ledgerEntries } from "../../db/schema";
import { verifyLedger } from "~/models/ledger.server";
import { HTML_AS_JPG, makeJpegLike, makePng, makeWebpLike } from "../fixtures/propose";
import { communityId, userId } from "./support/db";
import { useServer } from "./support/http";
import { filesIn, multipart, photosOf, snapshot, topicById, topicIdFrom, useOwnUploadsDir, type UploadFile } from "./support/propose";

const uploads = useOwnUploadsDir();
const http = useServer();
const NEW = "/c/mingyue/topics/new";
const cookies: Record<string, string> = {};
const as = (username: string) => cookies[username];

beforeAll(async () => {
  for (const name of ["resident1", "resident2", "committee1", "villager1", "executor1", "supervisor1", "street1"]) cookies[name] = await http.login(name);
});

afterEach(() => {
  delete process.env.UPLOAD_MAX_BYTES;
});

const fields = (overrides: Record<string, string> = {}) => ({
  title: "5号楼楼道灯坏了",
  description: "三楼到五楼的楼道灯都不亮,晚上上下楼很危险。",
  category: "facilities",
  location: "5号楼",
  ...overrides,
});

function propose(username: string, form: Record<string, string>, files: UploadFile[] = [], target = NEW) {
  return http.fetch(target, { method: "POST", cookie: as(username), body: multipart(form, files) });
}

async function expectRefused(res: Response, message: string, before: ReturnType<typeof snapshot>, status = 400) {
  expect(res.status).toBe(status);
  expect(await res.text()).toContain(message);
  expect(snapshot(uploads)).toEqual(before);
}

describe("proposing a topic", () => {
  it("without photos: an open topic of the resident's, with the co-sign window, recorded in the ledger", async () => {
    const before = snapshot(uploads);
    const res = await propose("resident1", fields({ showName: "on" }));
    expect(res.status).toBe(302);
    const topic = topicById(topicIdFrom(res))!;
    const facilities = getDb().select().from(catalogueEntries).where(and(eq(catalogueEntries.communityId, communityId("mingyue")), eq(catalogueEntries.code, "facilities"))).get()!;
    expect(topic).toMatchObject({
      communityId: communityId("mingyue"),
      title: "5号楼楼道灯坏了",
      location: "5号楼",
      categoryId: facilities.id,
      source: "resident",
      state: "open",
      stage: "collection",
      proposerId: userId("resident1"),
      showProposerName: true,
    });
    const after = snapshot(uploads);
    expect(after).toMatchObject({ topics: before.topics + 1, photos: before.photos, ledger: before.ledger + 1, files: before.files });
  });

  it("keeps the name off public pages unless asked", async () => {
    const res = await propose("resident2", fields({ title: "不显示名字的议题" }));
    expect(topicById(topicIdFrom(res))!.showProposerName).toBe(false);
  });

  it("with one photo: the file stored under its hash beside the database, served back byte for byte", async () => {
    const png = makePng({ width: 8, height: 6, seed: 1 });
    const res = await propose("resident1", fields({ title: "一张照片的议题" }), [{ bytes: png, name: "楼道.png", type: "image/png" }]);
    const id = topicIdFrom(res);
    const [photo] = photosOf(id);
    expect(photo).toMatchObject({ mime: "image/png", bytes: png.length });
    expect(photo.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(path.dirname(uploads)).toBe(path.dirname(process.env.DATABASE_PATH!));
    expect(fs.readFileSync(path.join(uploads, photo.sha256))).toEqual(png);

    const served = await http.fetch(`/c/mingyue/photos/${photo.id}`, { cookie: as("resident2") });
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(served.headers.get("content-disposition")).toBe("inline");
    expect(served.headers.get("cache-control")).toBe("private, max-age=86400");
    expect(served.headers.get("content-security-policy")).toMatch(/^default-src 'none'/);
    expect(Buffer.from(await served.arrayBuffer())).toEqual(png);

    const ledger = getDb().select().from(ledgerEntries).where(eq(ledgerEntries.subject, `topic:${id}`)).all();
    expect(ledger.map((e) => e.type)).toEqual(["topic.created", "topic.photosAttached"]);
    expect(ledger[1].payload).toContain(photo.sha256);
  });

  it("with three photos: each typed by its bytes, not by its name or the browser's word", async () => {
    const files = [
      { bytes: makePng({ seed: 2 }), name: "a.jpg", type: "image/jpeg" },
      { bytes: makeJpegLike(300, 2), name: "b.png", type: "image/png" },
      { bytes: makeWebpLike(200, 2), name: "c", type: "application/octet-stream" },
    ];
    const res = await propose("resident1", fields({ title: "三张照片的议题" }), files);
    const photos = photosOf(topicIdFrom(res));
    expect(photos.map((p) => p.mime)).toEqual(["image/png", "image/jpeg", "image/webp"]);
    for (const [i, photo] of photos.entries()) {
      expect(fs.readFileSync(path.join(uploads, photo.sha256))).toEqual(files[i].bytes);
      const served = await http.fetch(`/c/mingyue/photos/${photo.id}`, { cookie: as("committee1") });
      expect(served.headers.get("content-type")).toBe(photo.mime);
      expect(Buffer.from(await served.arrayBuffer())).toEqual(files[i].bytes);
    }
  });

  it("stores a photo sent twice once on disk, with a row for each topic", async () => {
    const png = makePng({ seed: 3 });
    const before = filesIn(uploads);
    const a = topicIdFrom(await propose("resident1", fields({ title: "重复照片一" }), [{ bytes: png, name: "x.png" }]));
    const b = topicIdFrom(await propose("resident2", fields({ title: "重复照片二" }), [{ bytes: png, name: "y.png" }]));
    expect(filesIn(uploads)).toHaveLength(before.length + 1);
    expect(photosOf(a)[0].sha256).toBe(photosOf(b)[0].sha256);
    expect(photosOf(a)[0].id).not.toBe(photosOf(b)[0].id);
  });

  it("ignores an empty file input, as a browser sends it when no photo is chosen", async () => {
    const res = await propose("resident1", fields({ title: "没有选照片" }), [{ bytes: new Uint8Array(), name: "" }]);
    expect(photosOf(topicIdFrom(res))).toEqual([]);
  });

  it("also accepts an ordinary (urlencoded) form without photos", async () => {
    const res = await http.fetch(NEW, { cookie: as("resident1"), form: fields({ title: "普通表单提交" }) });
    expect(topicById(topicIdFrom(res))!.title).toBe("普通表单提交");
  });
});

describe("the committee files directly", () => {
  it("as the committee: the topic goes to screening", async () => {
    const res = await propose("committee1", fields({ title: "议事会直接立项", fileAs: "committee" }));
    expect(topicById(topicIdFrom(res))).toMatchObject({ source: "committee", state: "screening", proposerId: userId("committee1") });
  });

  it("a committee member without the resident role files as the committee even when not saying so", async () => {
    const res = await propose("committee1", fields({ title: "未选择身份的立项" }));
    expect(topicById(topicIdFrom(res))).toMatchObject({ source: "committee", state: "screening" });
  });

  it("a resident cannot file as the committee, and a committee member cannot pose as a resident (403, nothing written)", async () => {
    const before = snapshot(uploads);
    await expectRefused(await propose("resident1", fields({ fileAs: "committee" })), "只有议事会成员可以议事会名义立项。", before, 403);
    await expectRefused(await propose("committee1", fields({ fileAs: "resident" })), "您的身份不能进行此操作。", before, 403);
  });
});

describe("refusals: 400 with the translated message, and nothing created", () => {
  it("a file named .jpg that is not an image", async () => {
    const before = snapshot(uploads);
    const res = await propose("resident1", fields(), [{ bytes: HTML_AS_JPG, name: "photo.jpg", type: "image/jpeg" }]);
    await expectRefused(res, "有 1 个文件不是 JPEG、PNG 或 WebP 图片。", before);
  });

  it("a fourth photo", async () => {
    const before = snapshot(uploads);
    const files = [1, 2, 3, 4].map((seed) => ({ bytes: makePng({ seed: 10 + seed }), name: `${seed}.png` }));
    await expectRefused(await propose("resident1", fields(), files), "最多只能上传 3 个文件。", before);
  });

  it("a photo over UPLOAD_MAX_BYTES, keeping what was typed", async () => {
    process.env.UPLOAD_MAX_BYTES = "2000";
    const big = Buffer.concat([makePng({ seed: 7 }), Buffer.alloc(3000)]);
    const before = snapshot(uploads);
    const res = await propose("resident1", fields({ title: "照片太大的议题" }), [{ bytes: big, name: "big.png" }]);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("有文件超过 2 KB,请压缩后再上传。");
    expect(html).toContain('value="照片太大的议题"');
    expect(snapshot(uploads)).toEqual(before);
  });

  it("a body far beyond what three photos may weigh is refused without reading it all", async () => {
    process.env.UPLOAD_MAX_BYTES = "1000";
    const before = snapshot(uploads);
    const files = [1, 2, 3].map((seed) => ({ bytes: Buffer.concat([makePng({ seed }), Buffer.alloc(800_000)]), name: `${seed}.png` }));
    // Past the upload body limit (three photos at their largest and the text parts): the server's
    // body limit answers before the page reads it (server/body-limit.ts).
    await expectRefused(await propose("resident1", fields(), files), "提交的内容超过了 2 MB 的上限", before, 413);
  });

  it("an empty title, a 10,000-character title, an unknown category, a description too long", async () => {
    const before = snapshot(uploads);
    await expectRefused(await propose("resident1", fields({ title: "   " })), "请填写此项。", before);
    await expectRefused(await propose("resident1", fields({ title: "长".repeat(10_000) })), "太长了,最多 80 个字符。", before);
    await expectRefused(await propose("resident1", fields({ category: "no-such-thing" })), "请从列表中选择。", before);
    await expectRefused(await propose("resident1", fields({ category: "" })), "请从列表中选择。", before);
    await expectRefused(await propose("resident1", fields({ description: "字".repeat(2001) })), "太长了,最多 2000 个字符。", before);
    await expectRefused(await propose("resident1", fields({ title: "\u200b\u202e\u0007" })), "请填写此项。", before);
  });

  it("in English for an English reader", async () => {
    const res = await http.fetch(NEW, { method: "POST", cookie: `${as("resident1")}; ${await http.english()}`, body: multipart(fields({ title: "" })) });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Fill this in.");
  });

  it("a body with more parts than any form of ours has", async () => {
    const before = snapshot(uploads);
    const extra = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`x${i}`, "y"]));
    await expectRefused(await propose("resident1", fields(extra)), "无法读取提交的内容", before);
  });

  it("a body that is not valid multipart: 400, never 500", async () => {
    const before = snapshot(uploads);
    const res = await http.fetch(NEW, {
      method: "POST",
      cookie: as("resident1"),
      headers: { "Content-Type": "multipart/form-data; boundary=xyz" },
      body: "--xyz\r\nContent-Disposition: form-data\r\n\r\nbroken",
    });
    await expectRefused(res, "无法读取提交的内容", before);
  });
});

describe("hostile text", () => {
  it("is cleaned of control, bidi and zero-width characters and shown as text, never run", async () => {
    const res = await propose("resident1", fields({ title: "<script>alert(1)</script>\u202e东门\u200b灯\u0000", description: "<img src=x onerror=alert(1)>\r\n第二行\u202d", location: "\u2066楼下\u2069" }));
    const topic = topicById(topicIdFrom(res))!;
    expect(topic.title).toBe("<script>alert(1)</script>东门灯");
    expect(topic.description).toBe("<img src=x onerror=alert(1)>\n第二行");
    expect(topic.location).toBe("楼下");
    const hall = await (await http.fetch("/c/mingyue", { cookie: as("resident2") })).text();
    expect(hall).toContain("&lt;script&gt;alert(1)&lt;/script&gt;东门灯");
    expect(hall).not.toContain("<script>alert(1)</script>");
  });
});

describe("who may propose", () => {
  it("a villager of shiliu gets 404 for mingyue's page and its form, and nothing is created", async () => {
    const before = snapshot(uploads);
    expect((await http.fetch(NEW, { cookie: as("villager1") })).status).toBe(404);
    expect((await propose("villager1", fields(), [{ bytes: makePng({ seed: 40 }), name: "a.png" }])).status).toBe(404);
    expect(snapshot(uploads)).toEqual(before);
  });

  it("members without the resident or committee role, and the street admin, get 403", async () => {
    const before = snapshot(uploads);
    for (const name of ["executor1", "supervisor1", "street1"]) {
      expect((await http.fetch(NEW, { cookie: as(name) })).status, name).toBe(403);
      expect((await propose(name, fields())).status, name).toBe(403);
    }
    expect(snapshot(uploads)).toEqual(before);
  });

  it("a signed-out visitor is sent to sign in", async () => {
    const res = await http.fetch(NEW);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/login?redirectTo=${encodeURIComponent(NEW)}`);
  });

  it("the ledger of both communities still verifies", () => {
    expect(verifyLedger({ communityId: communityId("mingyue") }).ok).toBe(true);
    expect(verifyLedger({ communityId: communityId("shiliu") }).ok).toBe(true);
  });
});
