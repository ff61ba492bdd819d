import { createHash } from "node:crypto";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as SyncModule from "../../src/index";
import { startBrowserRig, type BrowserRig } from "./chromium-page";

declare global {
  interface Window {
    DoorstepSync: typeof SyncModule;
    client: SyncModule.SyncClient;
  }
}

let rig: BrowserRig;
beforeAll(async () => {
  rig = await startBrowserRig();
});
afterAll(async () => {
  await rig?.close();
});

/** Opens a fresh page on the test origin and a SyncClient for staff1 in it. */
async function openClient(page: Page, prefix: string): Promise<void> {
  await page.evaluate(async (databasePrefix) => {
    window.client = await window.DoorstepSync.SyncClient.open({
      userId: "staff1",
      databasePrefix,
      getToken: () => "token-staff1",
      pollIntervalMs: 0,
      backoff: { initialMs: 600_000, maxMs: 600_000 },
    });
  }, prefix);
}

describe("in real Chromium", () => {
  it("queued mutations survive a page reload and their ids keep increasing", async () => {
    const page = await rig.browser.newPage();
    await page.goto(`${rig.server.baseUrl}/`);
    await openClient(page, "reload");
    const before = await page.evaluate(async () => {
      await window.client.mutate("createCase", { id: "c1", kind: "withdrawal", fields: { name: "张伟" } });
      await window.client.mutate("updateCase", { id: "c1", fields: { phone: "13800000000" } });
      return { clientId: await window.client.clientId(), ids: (await window.client.pendingMutations()).map((m) => m.id) };
    });
    expect(before.ids).toEqual([1, 2]);

    await page.reload();
    await openClient(page, "reload");
    const after = await page.evaluate(async () => {
      const third = await window.client.mutate("submitCase", { id: "c1" });
      const pending = await window.client.pendingMutations();
      return { clientId: await window.client.clientId(), third: third.id, pending: pending.map((m) => [m.id, m.name]), status: await window.client.refreshStatus() };
    });
    expect(after.clientId).toBe(before.clientId);
    expect(after.third).toBe(3);
    expect(after.pending).toEqual([
      [1, "createCase"],
      [2, "updateCase"],
      [3, "submitCase"],
    ]);
    expect(after.status.pendingMutations).toBe(3);
    await page.close();
  });

  it("a photo Blob stays in IndexedDB across a reload until the server verifies it", async () => {
    const page = await rig.browser.newPage();
    await page.goto(`${rig.server.baseUrl}/`);
    await openClient(page, "photo");
    // Chromium silently retries a request reset on a reused keep-alive socket, so drop several.
    rig.server.dropPatches = 10;
    const sha256 = await page.evaluate(async () => {
      const bytes = new Uint8Array(4096).map((_, i) => i % 251);
      const upload = await window.client.addUpload(new Blob([bytes], { type: "image/jpeg" }), { filename: "id.jpg" });
      await window.client.mutate("attachDocument", { caseId: "c1", documentId: "d1", sha256: upload.sha256, docType: "id_card" });
      await window.client.syncNow();
      return upload.sha256;
    });
    const expected = createHash("sha256").update(Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 251))).digest("hex");
    expect(sha256).toBe(expected);
    expect(rig.server.files.has(sha256)).toBe(false);
    rig.server.dropPatches = 0;

    await page.reload();
    await openClient(page, "photo");
    const kept = await page.evaluate(async () => {
      const [u] = await window.client.uploads();
      return { size: u?.blob.size, type: u?.blob.type };
    });
    expect(kept).toEqual({ size: 4096, type: "image/jpeg" });

    const done = await page.evaluate(async () => {
      const ok = await window.client.syncNow();
      return { ok, uploads: (await window.client.uploads()).length, pending: (await window.client.pendingMutations()).length };
    });
    expect(done).toEqual({ ok: true, uploads: 0, pending: 0 });
    expect(rig.server.files.has(sha256)).toBe(true);
    // Resumed from the tus URL kept in IndexedDB, not created again.
    expect(rig.server.tusRequests.filter((r) => r.method === "POST")).toHaveLength(1);
    await page.close();
  });

  it("going offline holds mutations and coming back online pushes them", async () => {
    const context = await rig.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${rig.server.baseUrl}/`);
    await openClient(page, "offline");
    await page.evaluate(() => window.client.start());
    await expect.poll(() => page.evaluate(() => window.client.getStatus().state)).toBe("idle");

    await context.setOffline(true);
    await expect.poll(() => page.evaluate(() => window.client.getStatus().state)).toBe("offline");
    const pushesBefore = rig.server.graphqlCalls.filter((c) => c.operation === "push").length;
    const status = await page.evaluate(async () => {
      await window.client.mutate("createCase", { id: "off1", kind: "withdrawal", fields: {} });
      await window.client.syncNow();
      return window.client.getStatus();
    });
    expect(status).toMatchObject({ state: "offline", online: false, pendingMutations: 1 });
    expect(rig.server.graphqlCalls.filter((c) => c.operation === "push").length).toBe(pushesBefore);

    await context.setOffline(false);
    await expect.poll(() => page.evaluate(() => window.client.getStatus().pendingMutations)).toBe(0);
    expect(rig.server.applied.some((a) => a.mutation.args.id === "off1")).toBe(true);
    await context.close();
  });

  it("a Background Sync event in the service worker wakes the page, which pushes", async () => {
    const context = await rig.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${rig.server.baseUrl}/`);
    await page.evaluate(async () => {
      await navigator.serviceWorker.register("/sw.js");
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
      }
    });
    await openClient(page, "bgsync");
    rig.server.failGraphql = 1_000;
    await page.evaluate(async () => {
      await window.client.mutate("createCase", { id: "bg1", kind: "withdrawal", fields: {} });
      window.client.start();
    });
    await expect.poll(() => page.evaluate(() => window.client.getStatus().state)).toBe("error");
    // start() asked for persistent storage; the browser's answer is in the status.
    await expect.poll(() => page.evaluate(() => typeof window.client.getStatus().storagePersisted)).toBe("boolean");
    rig.server.failGraphql = 0;
    const applied = rig.server.applied.length;

    // The browser would fire this when connectivity returns; CDP fires it now.
    const cdp = await context.newCDPSession(page);
    const registration = new Promise<string>((resolve) => {
      cdp.on("ServiceWorker.workerRegistrationUpdated", (event) => {
        const found = event.registrations.find((r) => r.scopeURL.startsWith(rig.server.baseUrl));
        if (found) resolve(found.registrationId);
      });
    });
    await cdp.send("ServiceWorker.enable");
    await cdp.send("ServiceWorker.dispatchSyncEvent", {
      origin: rig.server.baseUrl,
      registrationId: await registration,
      tag: "doorstep-sync",
      lastChance: false,
    });
    await expect.poll(() => rig.server.applied.length).toBe(applied + 1);
    await expect.poll(() => page.evaluate(() => window.client.getStatus().pendingMutations)).toBe(0);
    await context.close();
  });
});
