import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startHarness, type Harness } from "../support/fixtures";

let h: Harness;
beforeEach(async () => {
  h = await startHarness("push");
});
afterEach(async () => {
  await h.stop();
});

const newCase = (id: string) => ({ id, kind: "withdrawal", fields: { name: "张伟" } });

describe("push", () => {
  it("pending mutations are pushed in order with the bearer token and protocol version 1", async () => {
    const client = await h.open();
    await client.mutate("createCase", newCase("c1"));
    await client.mutate("updateCase", { id: "c1", fields: { phone: "13800000000" } });
    expect(await client.syncNow()).toBe(true);

    const push = h.server.graphqlCalls.find((c) => c.operation === "push");
    expect(push?.authorization).toBe("Bearer token-staff1");
    const input = push?.variables.input as { clientId: string; protocolVersion: number; mutations: { id: number; name: string }[] };
    expect(input.protocolVersion).toBe(1);
    expect(input.clientId).toBe(await client.clientId());
    expect(input.mutations.map((m) => [m.id, m.name])).toEqual([
      [1, "createCase"],
      [2, "updateCase"],
    ]);
    expect(await client.pendingMutations()).toEqual([]);
    expect((await client.getEntity("case", "c1"))?.data).toEqual({ id: "c1", fields: { name: "张伟", phone: "13800000000" } });
  });

  it("mutations are sent in batches no larger than the batch size", async () => {
    const client = await h.open({ batchSize: 3 });
    for (let i = 0; i < 7; i++) await client.mutate("createCase", newCase(`c${i}`));
    await client.syncNow();
    const sizes = h.server.graphqlCalls
      .filter((c) => c.operation === "push")
      .map((c) => (c.variables.input as { mutations: unknown[] }).mutations.length);
    expect(sizes).toEqual([3, 3, 1]);
    expect(h.server.applied.map((a) => a.mutation.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("a rejected mutation is recorded and later ones still push", async () => {
    const client = await h.open();
    await client.mutate("createCase", newCase("c1"));
    await client.mutate("frobnicateCase", { id: "c1" });
    await client.mutate("updateCase", { id: "c1", fields: { amount: "100.00" } });
    expect(await client.syncNow()).toBe(true);

    expect(await client.pendingMutations()).toEqual([]);
    const rejected = await client.rejectedMutations();
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ id: 2, name: "frobnicateCase", error: { code: "VALIDATION_FAILED", message: "未知操作 frobnicateCase" } });
    expect(h.server.applied.map((a) => a.mutation.id)).toEqual([1, 3]);
    expect(client.getStatus().rejectedMutations).toBe(1);

    await client.dismissRejected(rejected[0]?.key ?? "");
    expect(await client.rejectedMutations()).toEqual([]);
    expect(client.getStatus().rejectedMutations).toBe(0);
  });

  it("duplicate results are removed like applied", async () => {
    const client = await h.open();
    for (let i = 1; i <= 3; i++) await client.mutate("createCase", newCase(`c${i}`));
    // The server already has 1 and 2 (their acknowledgement never arrived).
    h.server.forgetClient(await client.clientId(), 2);
    expect(await client.syncNow()).toBe(true);
    expect(await client.pendingMutations()).toEqual([]);
    expect(await client.rejectedMutations()).toEqual([]);
    expect(h.server.applied.map((a) => a.mutation.id)).toEqual([3]);
  });

  it("transport failure keeps the outbox intact", async () => {
    const client = await h.open();
    for (let i = 1; i <= 3; i++) await client.mutate("createCase", newCase(`c${i}`));
    h.server.failGraphql = 100;
    expect(await client.syncNow()).toBe(false);
    expect((await client.pendingMutations()).map((m) => m.id)).toEqual([1, 2, 3]);
    expect(client.getStatus()).toMatchObject({ state: "error", pendingMutations: 3, lastError: { code: "NETWORK_ERROR" } });

    h.server.failGraphql = 0;
    expect(await client.syncNow()).toBe(true);
    expect(await client.pendingMutations()).toEqual([]);
    expect(client.getStatus().lastError).toBeNull();
  });

  it("a server that cannot be reached at all keeps the outbox intact", async () => {
    const client = await h.open({ graphqlEndpoint: "http://127.0.0.1:9/graphql" });
    await client.mutate("createCase", newCase("c1"));
    expect(await client.syncNow()).toBe(false);
    expect(await client.pendingMutations()).toHaveLength(1);
    expect(client.getStatus().lastError?.code).toBe("NETWORK_ERROR");
  });

  it("a lost push answer is recovered without applying anything twice", async () => {
    const client = await h.open();
    for (let i = 1; i <= 2; i++) await client.mutate("createCase", newCase(`c${i}`));
    h.server.losePushResponses = 1;
    expect(await client.syncNow()).toBe(false);
    expect(await client.pendingMutations()).toHaveLength(2);
    expect(await client.syncNow()).toBe(true);
    expect(await client.pendingMutations()).toEqual([]);
    expect(h.server.applied.map((a) => a.mutation.id)).toEqual([1, 2]);
  });

  for (const style of ["error", "bare-error", "result"] as const) {
    it(`OUT_OF_ORDER (as ${style}) resends from the server's lastMutationId + 1`, async () => {
      h.server.outOfOrderStyle = style;
      const client = await h.open();
      for (let i = 1; i <= 3; i++) await client.mutate("createCase", newCase(`c${i}`));
      h.server.loseMutationIdsOnce = [1];
      expect(await client.syncNow()).toBe(true);
      expect(h.server.applied.map((a) => a.mutation.id)).toEqual([1, 2, 3]);
      expect(await client.pendingMutations()).toEqual([]);
      expect(await client.rejectedMutations()).toEqual([]);
    });
  }

  it("after the server lost acknowledged mutations, pending ones are renumbered under a new client id", async () => {
    const client = await h.open();
    for (let i = 1; i <= 3; i++) await client.mutate("createCase", newCase(`c${i}`));
    await client.syncNow();
    const oldClientId = await client.clientId();
    await client.mutate("updateCase", { id: "c1", fields: { amount: "1.00" } });
    h.server.forgetClient(oldClientId, 1); // restored from a backup taken after mutation 1
    expect(await client.syncNow()).toBe(true);
    const last = h.server.applied.at(-1);
    expect(last?.clientId).not.toBe(oldClientId);
    expect(last?.mutation).toMatchObject({ id: 1, name: "updateCase" });
    expect(await client.pendingMutations()).toEqual([]);
  });

  it("PROTOCOL_OUTDATED stops syncing and asks for an app update", async () => {
    const client = await h.open();
    await client.mutate("createCase", newCase("c1"));
    h.server.requireNewerProtocol = true;
    expect(await client.syncNow()).toBe(false);
    expect(client.getStatus()).toMatchObject({ state: "outdated", lastError: { code: "PROTOCOL_OUTDATED", message: "请更新应用" } });
    const calls = h.server.graphqlCalls.length;
    expect(await client.syncNow()).toBe(false);
    expect(h.server.graphqlCalls.length).toBe(calls);
    expect(await client.pendingMutations()).toHaveLength(1);
  });

  it("UNAUTHENTICATED calls onUnauthenticated and pauses until resume", async () => {
    let token = "expired";
    const onUnauthenticated = vi.fn();
    const client = await h.open({ getToken: () => token, onUnauthenticated });
    await client.mutate("createCase", newCase("c1"));
    expect(await client.syncNow()).toBe(false);
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
    expect(client.getStatus().state).toBe("unauthenticated");
    const calls = h.server.graphqlCalls.length;
    expect(await client.syncNow()).toBe(false);
    expect(h.server.graphqlCalls.length).toBe(calls);

    token = "token-staff1";
    client.start();
    client.resume();
    await vi.waitFor(async () => expect(await client.pendingMutations()).toEqual([]));
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
  });

  it("a failed round is retried by itself after a backoff", async () => {
    const client = await h.open();
    await client.mutate("createCase", newCase("c1"));
    h.server.failGraphql = 2;
    client.start();
    // The round ends with a pull after the push: wait for it to settle.
    await vi.waitFor(() => expect(client.getStatus()).toMatchObject({ state: "idle", pendingMutations: 0 }), { timeout: 3000 });
    expect(h.server.applied).toHaveLength(1);
    expect(h.server.graphqlCalls.filter((c) => c.operation === "push")).toHaveLength(3);
  });

  it("a mutation queued while the loop runs is pushed without being asked", async () => {
    const client = await h.open();
    client.start();
    await vi.waitFor(() => expect(client.getStatus().state).toBe("idle"));
    await client.mutate("createCase", newCase("c1"));
    await vi.waitFor(() => expect(h.server.applied).toHaveLength(1), { timeout: 3000 });
  });
});
