import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MemoryStore } from "../../src/storage/memory-store";
import type { SyncStatus } from "../../src/status";
import { startHarness, type Harness } from "../support/fixtures";

let h: Harness;
beforeEach(async () => {
  h = await startHarness("status");
});
afterEach(async () => {
  await h.stop();
});

describe("status for the UI", () => {
  it("subscribers see pending counts, the last sync time and the last error", async () => {
    let now = 1_000;
    const client = await h.open({ now: () => now });
    const seen: SyncStatus[] = [];
    const unsubscribe = client.subscribe((s) => seen.push(s));

    await client.mutate("createCase", { id: "c1", fields: {} });
    await client.addUpload(new Blob(["x"]), { filename: "x.jpg" });
    expect(seen.at(-1)).toMatchObject({ pendingMutations: 1, pendingUploads: 1, lastSyncAt: null, state: "idle" });

    h.server.failGraphql = 100;
    h.server.dropPatches = 1;
    await client.syncNow();
    expect(seen.some((s) => s.state === "syncing")).toBe(true);
    expect(seen.at(-1)).toMatchObject({ state: "error", pendingMutations: 1, pendingUploads: 1, lastError: { code: "NETWORK_ERROR" } });

    h.server.failGraphql = 0;
    now = 2_000;
    await client.syncNow();
    expect(seen.at(-1)).toMatchObject({ state: "idle", pendingMutations: 0, pendingUploads: 0, lastSyncAt: 2_000, lastError: null });

    unsubscribe();
    const count = seen.length;
    await client.mutate("submitCase", { id: "c1" });
    expect(seen.length).toBe(count);
  });

  it("the last sync time survives a reopen", async () => {
    const first = await h.open({ now: () => 5_000 });
    await first.syncNow();
    first.close();
    const second = await h.open();
    expect((await second.refreshStatus()).lastSyncAt).toBe(5_000);
  });

  it("the entity revision moves only when a pull changed local data", async () => {
    const client = await h.open();
    await client.syncNow();
    const start = client.getStatus().entityRevision;
    await client.syncNow();
    expect(client.getStatus().entityRevision).toBe(start);
    h.server.record("case", "c1", "put", { n: 1 });
    await client.syncNow();
    expect(client.getStatus().entityRevision).toBe(start + 1);
  });

  it("a mutation queued in one tab updates the other tab's pending count", async () => {
    const tabA = await h.open({ broadcastChannel: h.dbName });
    const tabB = await h.open({ broadcastChannel: h.dbName });
    await tabA.mutate("createCase", { id: "c1", fields: {} });
    await vi.waitFor(() => expect(tabB.getStatus().pendingMutations).toBe(1));
    await tabA.syncNow();
    await vi.waitFor(() => expect(tabB.getStatus().pendingMutations).toBe(0));
  });

  it("the whole loop runs the same over the in-memory store", async () => {
    const client = await h.open({ store: new MemoryStore() });
    h.server.record("case", "c9", "put", { n: 9 });
    await client.mutate("createCase", { id: "c1", fields: {} });
    await client.addUpload(new Blob(["photo"]), { filename: "p.jpg" });
    expect(await client.syncNow()).toBe(true);
    expect(client.getStatus()).toMatchObject({ pendingMutations: 0, pendingUploads: 0 });
    expect((await client.listEntities("case")).map((e) => e.id)).toEqual(["c1", "c9"]);
  });
});
