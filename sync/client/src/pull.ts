import { applyChanges, type KnownVersions } from "./entities";
import { ClientErrorCode, SyncError } from "./errors";
import { graphqlRequest, type TransportConfig } from "./graphql-transport";
import { getMeta, setMeta } from "./meta";
import { dropProcessed, ensureClientId } from "./outbox";
import { PULL_DOCUMENT, type PullResult } from "./protocol";
import type { Store } from "./storage/store";

/** A safety stop for a server whose cursor keeps moving without end. */
const MAX_PAGES = 10_000;

export async function fetchPullPage(store: Store, transport: TransportConfig, cursor: string | null): Promise<PullResult> {
  return fetchPage(transport, await ensureClientId(store), cursor);
}

async function fetchPage(transport: TransportConfig, clientId: string, cursor: string | null): Promise<PullResult> {
  const page = await graphqlRequest<PullResult>(transport, PULL_DOCUMENT, { clientId, cursor }, "pull");
  if (!Array.isArray(page.changes) || typeof page.cursor !== "string" || typeof page.lastMutationId !== "number") {
    throw new SyncError(ClientErrorCode.BAD_RESPONSE);
  }
  return page;
}

/** Starts fetching a page now; a failure is reported when (if ever) the page is awaited. */
function prefetch(transport: TransportConfig, clientId: string, cursor: string | null): Promise<PullResult> {
  const page = fetchPage(transport, clientId, cursor);
  page.catch(() => undefined); // not unhandled: pullChanges may stop before it needs this page
  return page;
}

/**
 * Pulls pages from the stored cursor until a page has no changes or the cursor stops
 * moving. Each page is applied in one transaction together with its cursor, so an
 * interrupted pull resumes where it stopped; the next page is fetched while one is being
 * written (the cursor to ask from is in the page), so a first sync waits on the network
 * and on IndexedDB at the same time rather than in turn. `reset` clears the entity table
 * (never the outbox) and starts again from a null cursor. Returns how many changes it
 * applied (a reset counts as one: the local view changed).
 */
export async function pullChanges(store: Store, transport: TransportConfig): Promise<number> {
  let cursor = (await store.read((tx) => getMeta(tx, "cursor"))) ?? null;
  const clientId = await ensureClientId(store);
  let restarted = false;
  let applied = 0;
  let known: KnownVersions | undefined; // set once the entity table is known to have started empty
  let next = prefetch(transport, clientId, cursor);
  for (let pages = 0; pages < MAX_PAGES; ) {
    const page = await next;
    if (page.reset && cursor !== null && !restarted) {
      // The page after a stale cursor is not a full copy: drop ours and ask from scratch.
      await store.write(async (tx) => {
        await tx.clear("entities");
        await tx.del("meta", "cursor");
      });
      cursor = null;
      restarted = true;
      applied++;
      next = prefetch(transport, clientId, cursor);
      continue;
    }
    const last = page.changes.length === 0 || page.cursor === cursor;
    if (!last) next = prefetch(transport, clientId, page.cursor);
    const pageCursor = cursor;
    applied += await store.write(async (tx) => {
      let n = 0;
      if (page.reset) {
        await tx.clear("entities");
        known = new Map();
        n++;
      } else if (known === undefined && pageCursor === null && (await tx.count("entities")) === 0) {
        known = new Map(); // a first sync: no stored versions to compare with
      }
      n += await applyChanges(tx, page.changes, known);
      await setMeta(tx, "cursor", page.cursor);
      // Mutations the server has processed are done even if their push answer was lost.
      await dropProcessed(tx, page.lastMutationId);
      return n;
    });
    pages++;
    if (last) return applied;
    cursor = page.cursor;
  }
  return applied;
}
