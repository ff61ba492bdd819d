import { describe, expect, it } from "vitest";
import { prefixRange, type Store } from "../../../src/storage/store";

/**
 * The one contract every Store implementation must meet. Each implementation's test
 * file calls this with a factory for a fresh, empty store.
 */
export function describeStoreContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`${name} meets the Store contract`, () => {
    it("a committed write is read back", async () => {
      const store = await makeStore();
      await store.write((tx) => tx.put("meta", "clientId", "abc"));
      expect(await store.read((tx) => tx.get("meta", "clientId"))).toBe("abc");
    });

    it("a missing key reads as undefined", async () => {
      const store = await makeStore();
      expect(await store.read((tx) => tx.get("meta", "nothing"))).toBeUndefined();
    });

    it("a write that throws leaves nothing behind", async () => {
      const store = await makeStore();
      await store.write((tx) => tx.put("outbox", 1, { id: 1 }));
      await expect(
        store.write(async (tx) => {
          await tx.put("outbox", 2, { id: 2 });
          await tx.del("outbox", 1);
          throw new Error("boom");
        }),
      ).rejects.toThrow("boom");
      expect(await store.read((tx) => tx.scan("outbox"))).toEqual([{ id: 1 }]);
    });

    it("a put of a value that cannot be stored fails the write and leaves nothing behind", async () => {
      const store = await makeStore();
      await expect(
        store.write(async (tx) => {
          await tx.put("outbox", 1, { id: 1 });
          await tx.put("outbox", 2, { id: 2, run: () => 2 }); // functions cannot be cloned
        }),
      ).rejects.toThrow();
      expect(await store.read((tx) => tx.scan("outbox"))).toEqual([]);
    });

    it("reads inside a write see that write's own changes", async () => {
      const store = await makeStore();
      const seen = await store.write(async (tx) => {
        await tx.put("meta", "nextMutationId", 7);
        return tx.get<number>("meta", "nextMutationId");
      });
      expect(seen).toBe(7);
    });

    it("scan returns numeric keys in ascending order within inclusive bounds and a limit", async () => {
      const store = await makeStore();
      await store.write(async (tx) => {
        for (const id of [10, 2, 33, 4, 5]) await tx.put("outbox", id, { id });
      });
      const all = await store.read((tx) => tx.scan<{ id: number }>("outbox"));
      expect(all.map((r) => r.id)).toEqual([2, 4, 5, 10, 33]);
      const upTo5 = await store.read((tx) => tx.scan<{ id: number }>("outbox", { upper: 5 }));
      expect(upTo5.map((r) => r.id)).toEqual([2, 4, 5]);
      const from4 = await store.read((tx) => tx.scan<{ id: number }>("outbox", { lower: 4 }, 2));
      expect(from4.map((r) => r.id)).toEqual([4, 5]);
    });

    it("array keys scan by prefix without leaking into neighbouring prefixes", async () => {
      const store = await makeStore();
      await store.write(async (tx) => {
        await tx.put("entities", ["case", "b"], "case-b");
        await tx.put("entities", ["case", "a"], "case-a");
        await tx.put("entities", ["caseX", "a"], "casex-a");
        await tx.put("entities", ["article", "z"], "article-z");
      });
      const cases = await store.read((tx) => tx.scan<string>("entities", prefixRange("case")));
      expect(cases).toEqual(["case-a", "case-b"]);
    });

    it("string ranges select one prefix", async () => {
      const store = await makeStore();
      await store.write(async (tx) => {
        await tx.put("tusUrls", "tus::a::2", "a2");
        await tx.put("tusUrls", "tus::a::1", "a1");
        await tx.put("tusUrls", "tus::b::1", "b1");
      });
      const found = await store.read((tx) => tx.scan<string>("tusUrls", { lower: "tus::a::", upper: "tus::a::\uffff" }));
      expect(found).toEqual(["a1", "a2"]);
    });

    it("delete, clear and count affect only their own table", async () => {
      const store = await makeStore();
      await store.write(async (tx) => {
        await tx.put("outbox", 1, "m1");
        await tx.put("outbox", 2, "m2");
        await tx.put("entities", ["case", "1"], "c1");
        await tx.put("rejected", "x/1", "r1");
      });
      await store.write(async (tx) => {
        await tx.del("outbox", 1);
        await tx.clear("entities");
      });
      const counts = await store.read(async (tx) => [await tx.count("outbox"), await tx.count("entities"), await tx.count("rejected")]);
      expect(counts).toEqual([1, 0, 1]);
    });

    it("values are copies: changing a read value does not change the store", async () => {
      const store = await makeStore();
      await store.write((tx) => tx.put("meta", "lastError", { code: "A", message: "m" }));
      const value = await store.read((tx) => tx.get<{ code: string }>("meta", "lastError"));
      if (value) value.code = "CHANGED";
      expect(await store.read((tx) => tx.get("meta", "lastError"))).toEqual({ code: "A", message: "m" });
    });

    it("Blobs are stored and read back with their bytes and type", async () => {
      const store = await makeStore();
      await store.write((tx) => tx.put("uploads", "h", { blob: new Blob(["照片"], { type: "image/jpeg" }) }));
      const row = await store.read((tx) => tx.get<{ blob: Blob }>("uploads", "h"));
      expect(row?.blob.type).toBe("image/jpeg");
      expect(await row?.blob.text()).toBe("照片");
    });

    it("a closed store refuses reads and writes", async () => {
      const store = await makeStore();
      store.close();
      await expect(store.read((tx) => tx.get("meta", "clientId"))).rejects.toThrow();
      await expect(store.write((tx) => tx.put("meta", "clientId", "x"))).rejects.toThrow();
    });

    it("concurrent read-modify-write transactions do not lose updates", async () => {
      const store = await makeStore();
      const increment = () =>
        store.write(async (tx) => {
          const n = (await tx.get<number>("meta", "nextMutationId")) ?? 0;
          await tx.put("meta", "nextMutationId", n + 1);
        });
      await Promise.all(Array.from({ length: 20 }, increment));
      expect(await store.read((tx) => tx.get("meta", "nextMutationId"))).toBe(20);
    });
  });
}
