import { describe, expect, it } from "vitest";
import { applyChange, applyChanges, getEntity, listEntities } from "../../src/entities";
import { IndexedDbStore } from "../../src/storage/indexeddb-store";
import { MemoryStore } from "../../src/storage/memory-store";
import type { Store } from "../../src/storage/store";
import { uniqueDbName } from "../support/fixtures";

describe("entity store", () => {
  it("older version does not overwrite newer", async () => {
    const store = new MemoryStore();
    await store.write((tx) => applyChange(tx, { entity: "case", id: "1", op: "put", version: 3, data: { status: "returned" } }));
    const applied = await store.write((tx) => applyChange(tx, { entity: "case", id: "1", op: "put", version: 2, data: { status: "draft" } }));
    expect(applied).toBe(false);
    expect((await getEntity(store, "case", "1"))?.data).toEqual({ status: "returned" });
  });

  it("a delete leaves a tombstone that an older put cannot undo", async () => {
    const store = new MemoryStore();
    await store.write(async (tx) => {
      await applyChange(tx, { entity: "case", id: "1", op: "put", version: 1, data: { a: 1 } });
      await applyChange(tx, { entity: "case", id: "1", op: "delete", version: 2, data: null });
      await applyChange(tx, { entity: "case", id: "1", op: "put", version: 1, data: { a: 1 } });
    });
    expect(await getEntity(store, "case", "1")).toBeUndefined();
    expect(await listEntities(store, "case")).toEqual([]);
  });

  it("listing returns one entity type only", async () => {
    const store = new MemoryStore();
    await store.write(async (tx) => {
      await applyChange(tx, { entity: "case", id: "1", op: "put", version: 1, data: {} });
      await applyChange(tx, { entity: "inbox", id: "1", op: "put", version: 1, data: {} });
    });
    expect((await listEntities(store, "case")).map((e) => e.entity)).toEqual(["case"]);
  });

  const stores: [string, () => Promise<Store>][] = [
    ["memory", async () => new MemoryStore()],
    ["IndexedDB", () => IndexedDbStore.open(uniqueDbName("entities"))],
  ];
  for (const [name, open] of stores) {
    it(`a page applies in order, as one change after another would (${name})`, async () => {
      const store = await open();
      await store.write((tx) => applyChange(tx, { entity: "case", id: "kept", op: "put", version: 5, data: { v: 5 } }));
      const applied = await store.write((tx) =>
        applyChanges(tx, [
          { entity: "case", id: "1", op: "put", version: 1, data: { a: 1 } },
          { entity: "case", id: "kept", op: "put", version: 4, data: { v: 4 } }, // older than stored
          { entity: "case", id: "1", op: "delete", version: 2, data: null },
          { entity: "case", id: "1", op: "put", version: 1, data: { a: 1 } }, // older than the delete
          { entity: "case", id: "2", op: "put", version: 1, data: { b: 1 } },
          { entity: "case", id: "2", op: "put", version: 2, data: { b: 2 } },
        ]),
      );
      expect(applied).toBe(4);
      expect(await getEntity(store, "case", "1")).toBeUndefined();
      expect((await getEntity(store, "case", "kept"))?.data).toEqual({ v: 5 });
      expect((await getEntity(store, "case", "2"))?.data).toEqual({ b: 2 });
      store.close();
    });

    it(`with known versions a page reads nothing yet still skips what is older (${name})`, async () => {
      const store = await open();
      const known = new Map<string, number>();
      await store.write((tx) => applyChanges(tx, [{ entity: "case", id: "1", op: "put", version: 2, data: { v: 2 } }], known));
      const applied = await store.write((tx) =>
        applyChanges(tx, [
          { entity: "case", id: "1", op: "put", version: 1, data: { v: 1 } }, // older than the first page's
          { entity: "case", id: "2", op: "put", version: 1, data: { b: 1 } },
        ], known),
      );
      expect(applied).toBe(1);
      expect((await getEntity(store, "case", "1"))?.data).toEqual({ v: 2 });
      expect(known).toEqual(new Map([["case\u00001", 2], ["case\u00002", 1]]));
      store.close();
    });
  }
});
