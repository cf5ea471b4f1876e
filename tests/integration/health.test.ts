// /healthz is ok only when the database takes a write, and the server refuses to start, in one line,
// on a database it cannot write. Both on a real file system that is full or read-only: a small tmpfs
// mounted for this file (the tests run as root, where chmod stops no write; mounting needs that same
// root). The disk is filled with a real file until the kernel says ENOSPC; read-only is a real ro mount.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SERVER_STARTS_TIMEOUT, startServerProcess, type ServerProcess } from "./support/server-process";

const mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), "health-"));
let server: ServerProcess | undefined;

beforeAll(() => {
  const size = fs.statSync(process.env.DATABASE_PATH!).size;
  // Room for the database and its WAL, and little more.
  execFileSync("mount", ["-t", "tmpfs", "-o", `size=${Math.ceil(size / 1024) + 2048}k`, "tmpfs", mountPoint]);
});
afterAll(async () => {
  await server?.stop();
  execFileSync("umount", [mountPoint]);
  fs.rmdirSync(mountPoint);
});

/** Writes until the file system has no block left. */
function fillDisk(file: string) {
  const fd = fs.openSync(file, "w");
  const block = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) fs.writeSync(fd, block);
  } catch (error) {
    expect((error as NodeJS.ErrnoException).code).toBe("ENOSPC");
  }
  // The last partial block too.
  const byte = Buffer.alloc(1);
  try {
    for (;;) fs.writeSync(fd, byte);
  } catch {
    fs.closeSync(fd);
  }
}

describe("/healthz on a full disk", () => {
  it("answers 503 with the reason while no write fits, and ok again once there is room", async () => {
    const db = path.join(mountPoint, "yishiting.db");
    fs.copyFileSync(process.env.DATABASE_PATH!, db);
    server = await startServerProcess({ databasePath: db });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    const filler = path.join(mountPoint, "filler");
    fillDisk(filler);
    const full = await fetch(`${server.url}/healthz`);
    expect(full.status).toBe(503);
    const body = (await full.json()) as { status: string; error: string };
    expect(body.status).toBe("unavailable");
    expect(body.error).toMatch(/cannot be written.*full/);

    fs.rmSync(filler);
    const again = await fetch(`${server.url}/healthz`);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ status: "ok" });
    await server.stop();
    server = undefined;
  }, SERVER_STARTS_TIMEOUT);
});

describe("starting on a database that cannot be written", () => {
  it("says so in one line and exits 1, on a read-only file system", async () => {
    const db = path.join(mountPoint, "readonly.db");
    fs.copyFileSync(process.env.DATABASE_PATH!, db);
    execFileSync("mount", ["-o", "remount,ro", mountPoint]);
    try {
      const child = spawn(process.execPath, ["--import", "tsx", "server/start.ts"], { env: { ...process.env, DATABASE_PATH: db, PORT: "0", DEMO_SEED: "0" }, stdio: ["ignore", "ignore", "pipe"] });
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
      const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
      expect(code).toBe(1);
      const lines = stderr.trim().split("\n");
      expect(lines, stderr).toHaveLength(1);
      expect(lines[0]).toContain(`cannot use the database at ${db}`);
      expect(stderr).not.toMatch(/\n\s+at /);
    } finally {
      execFileSync("mount", ["-o", "remount,rw", mountPoint]);
    }
  }, SERVER_STARTS_TIMEOUT);
});
