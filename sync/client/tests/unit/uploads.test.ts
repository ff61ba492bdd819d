import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { IndexedDbStore } from "../../src/storage/indexeddb-store";
import { sha256Hex } from "../../src/uploads/sha256";
import { startHarness, type Harness } from "../support/fixtures";

let h: Harness;
beforeEach(async () => {
  h = await startHarness("uploads");
});
afterEach(async () => {
  await h.stop();
});

const photoBytes = Buffer.from("JPEG…身份证正面…".repeat(50));
const photo = () => new Blob([photoBytes], { type: "image/jpeg" });
const hexOf = (b: Buffer) => createHash("sha256").update(b).digest("hex");

describe("uploads", () => {
  it("sha256 is the hex digest of the whole file", async () => {
    expect(await sha256Hex(photo())).toBe(hexOf(photoBytes));
  });

  it("an upload carries filename, sha256 and contentType metadata and the bearer token", async () => {
    const client = await h.open();
    const upload = await client.addUpload(photo(), { filename: "身份证正面.jpg" });
    expect(await client.syncNow()).toBe(true);

    const [created] = [...h.server.uploads.values()];
    expect(created?.metadata).toEqual({ filename: "身份证正面.jpg", sha256: hexOf(photoBytes), contentType: "image/jpeg" });
    expect(h.server.tusRequests.every((r) => r.authorization === "Bearer token-staff1")).toBe(true);
    expect(h.server.files.get(upload.sha256)?.equals(photoBytes)).toBe(true);
  });

  it("upload blob is kept until the upload is verified", async () => {
    const client = await h.open();
    const upload = await client.addUpload(photo(), { filename: "id-front.jpg", contentType: "image/jpeg" });
    h.server.dropPatches = 1;
    expect(await client.syncNow()).toBe(false);
    const [kept] = await client.uploads();
    expect(kept?.sha256).toBe(upload.sha256);
    expect(Buffer.from(await (kept?.blob ?? new Blob()).arrayBuffer()).equals(photoBytes)).toBe(true);
    expect(client.getStatus().pendingUploads).toBe(1);

    expect(await client.syncNow()).toBe(true);
    expect(await client.uploads()).toEqual([]);
    expect(client.getStatus().pendingUploads).toBe(0);
    expect(h.server.files.has(upload.sha256)).toBe(true);
  });

  it("an interrupted upload resumes from the server's offset after a reopen", async () => {
    const first = await h.open({ uploadChunkSize: 256 });
    await first.addUpload(photo(), { filename: "p.jpg" });
    h.server.dropPatchAtOffset = 512; // the third chunk never arrives
    expect(await first.syncNow()).toBe(false);
    first.close();

    const second = await h.open({ uploadChunkSize: 256 });
    expect(await second.syncNow()).toBe(true);
    const methods = h.server.tusRequests.map((r) => r.method);
    expect(methods.filter((m) => m === "POST")).toHaveLength(1);
    expect(methods).toContain("HEAD");
    expect(h.server.files.get(hexOf(photoBytes))?.equals(photoBytes)).toBe(true);
    expect(await second.uploads()).toEqual([]);
  });

  it("progress is reported per accepted chunk up to the whole file", async () => {
    const progress: number[] = [];
    const client = await h.open({ uploadChunkSize: 512, onUploadProgress: (_sha, accepted, total) => progress.push(accepted / total) });
    await client.addUpload(photo(), { filename: "p.jpg" });
    await client.syncNow();
    expect(progress.length).toBe(Math.ceil(photoBytes.length / 512));
    expect(progress.at(-1)).toBe(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it("tus resume records live in IndexedDB until the upload is verified", async () => {
    const client = await h.open();
    await client.addUpload(photo(), { filename: "p.jpg" });
    h.server.dropPatches = 1;
    await client.syncNow();
    const store = await IndexedDbStore.open(h.dbName);
    const records = await store.read((tx) => tx.scan<{ uploadUrl: string }>("tusUrls"));
    expect(records).toHaveLength(1);
    expect(records[0]?.uploadUrl).toMatch(/\/uploads\/[0-9a-f-]+$/);
    await client.syncNow();
    expect(await store.read((tx) => tx.count("tusUrls"))).toBe(0);
    store.close();
  });

  it("a hash mismatch marks the upload failed and keeps the blob for a retry", async () => {
    const client = await h.open();
    const upload = await client.addUpload(photo(), { filename: "p.jpg" });
    await client.addUpload(new Blob(["second photo"]), { filename: "q.jpg" });
    h.server.corruptUploads = true;
    await client.syncNow();
    const failed = (await client.uploads()).filter((u) => u.status === "failed");
    expect(failed.map((u) => u.lastError)).toEqual([
      { code: "UPLOAD_FAILED", message: "文件校验失败" },
      { code: "UPLOAD_FAILED", message: "文件校验失败" },
    ]);
    expect(client.getStatus()).toMatchObject({ pendingUploads: 2, failedUploads: 2 });

    h.server.corruptUploads = false;
    await client.retryUpload(upload.sha256);
    await client.syncNow();
    expect((await client.uploads()).map((u) => u.filename)).toEqual(["q.jpg"]);
    expect(h.server.files.has(upload.sha256)).toBe(true);
  });

  it("a photo over the size limit is refused up front, marked failed with the server's code, and kept", async () => {
    h.server.maxUploadBytes = 100;
    const client = await h.open();
    await client.addUpload(photo(), { filename: "big.jpg" });
    await client.syncNow();
    const [u] = await client.uploads();
    expect(u).toMatchObject({ status: "failed", lastError: { code: "UPLOAD_TOO_LARGE", message: "文件过大" } });
    expect(u?.blob.size).toBe(photoBytes.length);
    expect(h.server.uploads.size).toBe(0);
  });

  it("the same photo added twice is stored and sent once", async () => {
    const client = await h.open();
    const a = await client.addUpload(photo(), { filename: "a.jpg" });
    const b = await client.addUpload(photo(), { filename: "b.jpg" });
    expect(b.sha256).toBe(a.sha256);
    expect(await client.uploads()).toHaveLength(1);
  });

  it("uploads run independently of the mutation queue", async () => {
    const client = await h.open();
    await client.mutate("attachDocument", { caseId: "c1", documentId: "d1", sha256: hexOf(photoBytes), docType: "id_card" });
    await client.addUpload(photo(), { filename: "id.jpg" });
    h.server.failGraphql = 100;
    expect(await client.syncNow()).toBe(false);
    expect(await client.uploads()).toEqual([]);
    expect(await client.pendingMutations()).toHaveLength(1);
  });
});
