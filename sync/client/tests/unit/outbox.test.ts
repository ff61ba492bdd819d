import { describe, expect, it } from "vitest";
import { enqueueMutation, ensureClientId, pendingMutations, renumberIfGap } from "../../src/outbox";
import { IndexedDbStore } from "../../src/storage/indexeddb-store";
import { SCHEMA_VERSION } from "../../src/storage/schema";
import { SyncClient } from "../../src/sync-client";
import { uniqueDbName } from "../support/fixtures";

describe("outbox", () => {
  it("mutation ids survive a reopen and keep increasing", async () => {
    const name = uniqueDbName("reopen");
    const first = await IndexedDbStore.open(name);
    await enqueueMutation(first, "createCase", { id: "c1", kind: "withdrawal", fields: {} });
    await enqueueMutation(first, "updateCase", { id: "c1", fields: { phone: "13800000000" } });
    first.close();

    const second = await IndexedDbStore.open(name);
    const third = await enqueueMutation(second, "submitCase", { id: "c1" });
    expect(third.id).toBe(3);
    expect((await pendingMutations(second)).map((m) => [m.id, m.name])).toEqual([
      [1, "createCase"],
      [2, "updateCase"],
      [3, "submitCase"],
    ]);
    second.close();
  });

  it("ids stay strictly increasing when mutations are queued concurrently", async () => {
    const store = await IndexedDbStore.open(uniqueDbName("concurrent"));
    const queued = await Promise.all(Array.from({ length: 25 }, (_, i) => enqueueMutation(store, "updateCase", { n: i })));
    expect(new Set(queued.map((m) => m.id)).size).toBe(25);
    expect((await pendingMutations(store)).map((m) => m.id)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });

  it("the client id is created once and kept across reopens", async () => {
    const name = uniqueDbName("clientid");
    const first = await IndexedDbStore.open(name);
    const id = await ensureClientId(first);
    first.close();
    const second = await IndexedDbStore.open(name);
    expect(await ensureClientId(second)).toBe(id);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("each user on the device gets a database and client id of their own", async () => {
    const prefix = uniqueDbName("users");
    const staff1 = await SyncClient.open({ userId: "staff1", databasePrefix: prefix, getToken: () => "t" });
    const staff2 = await SyncClient.open({ userId: "staff2", databasePrefix: prefix, getToken: () => "t" });
    await staff1.mutate("submitCase", { id: "a" });
    expect(await staff1.clientId()).not.toBe(await staff2.clientId());
    expect(await staff2.pendingMutations()).toEqual([]);
    staff1.close();
    staff2.close();
  });

  it("open() hands its IndexedDB store to wrapStore and works through the wrapper", async () => {
    const prefix = uniqueDbName("wrap");
    const written: string[] = [];
    const sync = await SyncClient.open({
      userId: "staff1",
      databasePrefix: prefix,
      getToken: () => "t",
      wrapStore: async (inner) => ({
        read: (fn) => inner.read(fn),
        write: (fn) =>
          inner.write((tx) =>
            fn({ ...tx, put: async (table, key, value) => { written.push(table); await tx.put(table, key, value); } }),
          ),
        close: () => inner.close(),
      }),
    });
    await sync.mutate("submitCase", { id: "a" });
    expect(written).toContain("outbox");
    expect((await sync.pendingMutations()).map((m) => m.name)).toEqual(["submitCase"]);
    sync.close();
  });

  it("the database carries the schema version", async () => {
    const name = uniqueDbName("schema");
    (await IndexedDbStore.open(name)).close();
    const databases = await indexedDB.databases();
    expect(databases.find((d) => d.name === name)?.version).toBe(SCHEMA_VERSION);
  });

  it("a gap the outbox cannot fill renumbers pending mutations under a new client id", async () => {
    const store = await IndexedDbStore.open(uniqueDbName("renumber"));
    for (let i = 0; i < 5; i++) await enqueueMutation(store, "updateCase", { n: i });
    const before = await ensureClientId(store);
    // Pretend 1..3 were acknowledged and removed, then the server fell back to 1.
    await store.write(async (tx) => {
      for (const id of [1, 2, 3]) await tx.del("outbox", id);
    });
    expect(await renumberIfGap(store, 1)).toBe(true);
    expect(await ensureClientId(store)).not.toBe(before);
    expect((await pendingMutations(store)).map((m) => [m.id, m.args])).toEqual([
      [1, { n: 3 }],
      [2, { n: 4 }],
    ]);
    expect((await enqueueMutation(store, "submitCase", {})).id).toBe(3);
  });

  it("no renumbering when the outbox continues right after the server's last id", async () => {
    const store = await IndexedDbStore.open(uniqueDbName("norenumber"));
    for (let i = 0; i < 3; i++) await enqueueMutation(store, "updateCase", { n: i });
    const before = await ensureClientId(store);
    expect(await renumberIfGap(store, 0)).toBe(false);
    expect(await ensureClientId(store)).toBe(before);
  });
});
