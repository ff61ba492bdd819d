import { describe, expect, it } from "vitest";
import { applyChange, getEntity, listEntities } from "../../src/entities";
import { MemoryStore } from "../../src/storage/memory-store";

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
});
