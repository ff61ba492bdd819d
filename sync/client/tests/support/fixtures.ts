import { SyncClient, type SyncClientOptions } from "../../src/sync-client";
import { IndexedDbStore } from "../../src/storage/indexeddb-store";
import { TestSyncServer } from "./test-sync-server";

let counter = 0;

/** A database name no other test uses (fake-indexeddb is shared within a file). */
export function uniqueDbName(label: string): string {
  counter++;
  return `test-${label}-${Date.now()}-${counter}`;
}

export interface Harness {
  server: TestSyncServer;
  dbName: string;
  open(overrides?: Partial<SyncClientOptions>): Promise<SyncClient>;
  stop(): Promise<void>;
}

/** A real HTTP sync server plus a factory for clients over one IndexedDB database. */
export async function startHarness(label: string): Promise<Harness> {
  const server = new TestSyncServer();
  const base = await server.start();
  const dbName = uniqueDbName(label);
  const clients: SyncClient[] = [];
  return {
    server,
    dbName,
    async open(overrides = {}) {
      const store = await IndexedDbStore.open(dbName);
      const client = new SyncClient({
        store,
        getToken: () => server.token,
        graphqlEndpoint: `${base}/graphql`,
        uploadEndpoint: `${base}/uploads/`,
        pollIntervalMs: 0,
        backoff: { initialMs: 10, maxMs: 50 },
        ...overrides,
      });
      clients.push(client);
      return client;
    },
    async stop() {
      for (const c of clients) c.close();
      await server.stop();
    },
  };
}
