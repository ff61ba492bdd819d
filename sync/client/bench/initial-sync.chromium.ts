/**
 * Tablet initial sync (issue 18): the sync client in real Chromium pulls a full sync of
 * 10,000 cases and applies it into IndexedDB (goal: within 3 s), beside a bare IndexedDB
 * baseline measured in the same page: the same records put one transaction per page,
 * without fetching, parsing or version checks.
 *
 * The pages are the real server's: DOORSTEP_TABLET_PAGES names a JSON file of its pull
 * pages' changes (bench/tablet_sync.py writes it from a seeded database and runs this:
 * `just bench tablet_sync`). They are served, page by page as the server cut them, by the
 * test sync server, so the client does real fetches. Prints one BENCH-RESULT line.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type * as SyncModule from "../src/index";
import type { ServerChange } from "../tests/support/test-sync-server";
import { startBrowserRig, type BrowserRig } from "../tests/browser/chromium-page";

declare global {
  interface Window {
    DoorstepSync: typeof SyncModule;
  }
}

const ROUNDS = Number(process.env.DOORSTEP_TABLET_ROUNDS ?? "3");
const pagesFile = process.env.DOORSTEP_TABLET_PAGES;
if (!pagesFile) throw new Error("DOORSTEP_TABLET_PAGES is not set: run `just bench tablet_sync`");
const pages = JSON.parse(readFileSync(pagesFile, "utf8")) as ServerChange[][];

let rig: BrowserRig;
beforeAll(async () => {
  rig = await startBrowserRig();
  rig.server.pageSize = Math.max(...pages.map((p) => p.length));
  for (const change of pages.flat()) rig.server.record(change.entity, change.id, change.op, change.data);
  rig.server.routes.set("/bench-pages.json", { type: "application/json", body: JSON.stringify(pages) });
});
afterAll(async () => {
  await rig?.close();
});

interface Timed {
  seconds: number;
  stored: number;
}

/** A fresh SyncClient (its own database) syncs once: push (nothing queued) and the full pull. */
function clientSync(page: Page, round: number): Promise<Timed & { ok: boolean }> {
  return page.evaluate(async (prefix) => {
    const client = await window.DoorstepSync.SyncClient.open({
      userId: "staff1",
      databasePrefix: prefix,
      getToken: () => "token-staff1",
      pollIntervalMs: 0,
      backoff: { initialMs: 600_000, maxMs: 600_000 },
    });
    const started = performance.now();
    const ok = await client.syncNow();
    const seconds = (performance.now() - started) / 1000;
    const stored = (await client.listEntities("case")).length;
    client.close();
    return { ok, seconds, stored };
  }, `bench-${round}`);
}

/** The same records straight into a bare object store, one transaction per page. */
function bareIndexedDb(page: Page, round: number): Promise<Timed> {
  return page.evaluate(async (name) => {
    const pages = (await (await fetch("/bench-pages.json")).json()) as ServerChange[][];
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => request.result.createObjectStore("entities");
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const started = performance.now();
    for (const changes of pages) {
      const tx = db.transaction("entities", "readwrite");
      const store = tx.objectStore("entities");
      for (const c of changes) {
        store.put({ entity: c.entity, id: c.id, version: c.version, deleted: false, data: c.data }, [c.entity, c.id]);
      }
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
    }
    const seconds = (performance.now() - started) / 1000;
    const stored = await new Promise<number>((resolve) => {
      const request = db.transaction("entities").objectStore("entities").count();
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    return { seconds, stored };
  }, `bare-${round}`);
}

/** Drops every database of the origin, so each round starts from an empty IndexedDB. */
function dropDatabases(page: Page): Promise<void> {
  return page.evaluate(async () => {
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      await new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase(name);
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
      });
    }
  });
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

it("applies the full initial sync into IndexedDB", async () => {
  const cases = pages.flat().filter((c) => c.entity === "case").length;
  const page = await rig.browser.newPage();
  await page.goto(`${rig.server.baseUrl}/`);
  const client: number[] = [];
  const bare: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which goes first, so load that drifts hits both alike.
    const [first, second] = round % 2 === 0 ? ["client", "bare"] : ["bare", "client"];
    for (const side of [first, second]) {
      await dropDatabases(page);
      if (side === "client") {
        const run = await clientSync(page, round);
        expect(run.ok).toBe(true);
        expect(run.stored).toBe(cases);
        client.push(run.seconds);
      } else {
        const run = await bareIndexedDb(page, round);
        expect(run.stored).toBe(pages.flat().length);
        bare.push(run.seconds);
      }
    }
  }
  await page.close();
  const result = { cases, changes: pages.flat().length, pages: pages.length, client, bare, clientMedian: median(client), bareMedian: median(bare) };
  console.log(`BENCH-RESULT ${JSON.stringify(result)}`);
}, 600_000);
