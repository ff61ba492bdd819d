import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getMeta } from "../../src/meta";
import { pullChanges } from "../../src/pull";
import { IndexedDbStore } from "../../src/storage/indexeddb-store";
import { startHarness, type Harness } from "../support/fixtures";

let h: Harness;
beforeEach(async () => {
  h = await startHarness("pull");
});
afterEach(async () => {
  await h.stop();
});

async function storedCursor(dbName: string): Promise<string | undefined> {
  const store = await IndexedDbStore.open(dbName);
  const cursor = await store.read((tx) => getMeta(tx, "cursor"));
  store.close();
  return cursor;
}

describe("pull", () => {
  it("pages are pulled until the cursor stops moving and the cursor is stored", async () => {
    for (let i = 1; i <= 5; i++) h.server.record("case", `c${i}`, "put", { n: i });
    h.server.record("inbox", "m1", "put", { title: "案件已退回" });
    const client = await h.open();
    expect(await client.syncNow()).toBe(true);

    const pulls = h.server.graphqlCalls.filter((c) => c.operation === "pull");
    expect(pulls.map((c) => c.variables.cursor)).toEqual([null, "1:2", "1:4", "1:6"]);
    expect((await client.listEntities("case")).map((e) => e.data)).toEqual([1, 2, 3, 4, 5].map((n) => ({ n })));
    expect((await client.getEntity("inbox", "m1"))?.data).toEqual({ title: "案件已退回" });
    expect(await storedCursor(h.dbName)).toBe("1:6");
  });

  it("the next pull starts from the stored cursor, even after a reopen", async () => {
    h.server.record("case", "c1", "put", { n: 1 });
    const first = await h.open();
    await first.syncNow();
    first.close();

    h.server.record("case", "c1", "put", { n: 2 });
    const second = await h.open();
    const before = h.server.graphqlCalls.length;
    await second.syncNow();
    const pulls = h.server.graphqlCalls.slice(before).filter((c) => c.operation === "pull");
    expect(pulls[0]?.variables.cursor).toBe("1:1");
    expect(await second.getEntity("case", "c1")).toMatchObject({ version: 2, data: { n: 2 } });
  });

  it("a delete removes the entity from the local view", async () => {
    h.server.record("case", "c1", "put", { n: 1 });
    h.server.record("case", "c1", "delete");
    const client = await h.open();
    await client.syncNow();
    expect(await client.getEntity("case", "c1")).toBeUndefined();
  });

  it("reset clears entities but never the outbox", async () => {
    h.server.record("case", "old", "put", { n: 1 });
    const client = await h.open();
    await client.syncNow();
    expect(await client.getEntity("case", "old")).toBeDefined();

    // The server compacted its log: the old case is gone, a new one exists, our cursor is stale.
    h.server.compact();
    h.server.record("case", "fresh", "put", { n: 2 });
    await client.mutate("createCase", { id: "mine", fields: {} });
    // Pull alone (a second handle on the same database), with the mutation still queued.
    const store = await IndexedDbStore.open(h.dbName);
    await pullChanges(store, { endpoint: `${h.server.baseUrl}/graphql`, getToken: () => h.server.token });
    store.close();

    expect(await client.getEntity("case", "old")).toBeUndefined();
    expect(await client.getEntity("case", "fresh")).toMatchObject({ data: { n: 2 } });
    expect((await client.pendingMutations()).map((m) => m.name)).toEqual(["createCase"]);
    const pulls = h.server.graphqlCalls.filter((c) => c.operation === "pull").map((c) => c.variables.cursor);
    expect(pulls.slice(-3)).toEqual(["1:1", null, "2:1"]);
    expect(await storedCursor(h.dbName)).toBe("2:1");
  });

  it("a first pull into a store that already holds rows still compares their versions", async () => {
    h.server.record("case", "c1", "put", { n: 1 });
    const store = await IndexedDbStore.open(h.dbName);
    await store.write((tx) => tx.put("entities", ["case", "c1"], { entity: "case", id: "c1", version: 9, deleted: false, data: { n: 9 } }));
    await pullChanges(store, { endpoint: `${h.server.baseUrl}/graphql`, getToken: () => h.server.token });
    expect(await store.read((tx) => tx.get("entities", ["case", "c1"]))).toMatchObject({ version: 9, data: { n: 9 } });
    store.close();
  });

  it("mutations the server reports as processed leave the outbox on pull", async () => {
    const client = await h.open();
    for (let i = 1; i <= 3; i++) await client.mutate("createCase", { id: `c${i}`, fields: {} });
    h.server.forgetClient(await client.clientId(), 2);
    const store = await IndexedDbStore.open(h.dbName);
    await pullChanges(store, { endpoint: `${h.server.baseUrl}/graphql`, getToken: () => "token-staff1" });
    expect((await client.pendingMutations()).map((m) => m.id)).toEqual([3]);
  });
});
