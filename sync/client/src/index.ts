/** @doorstep/sync-client — the PWA's entry point (consumed as TypeScript source). */
export { SyncClient, type OpenSyncClientOptions, type SyncClientOptions } from "./sync-client";
export type { SyncState, SyncStatus } from "./status";
export type { PendingMutation, RejectedMutation } from "./outbox";
export type { EntityRecord } from "./entities";
export type { NewUpload, StoredUpload } from "./uploads/upload-queue";
export { sha256Hex } from "./uploads/sha256";
export { ClientErrorCode, ServerErrorCode, SyncError, UPDATE_APP_MESSAGE, type CodedError } from "./errors";
export { PROTOCOL_VERSION, type Change, type JsonValue, type MutationArgs, type MutatorName, type PullResult, type PushResult } from "./protocol";
export type { TokenProvider } from "./graphql-transport";
export { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from "./backoff";
export { registerBackgroundSync, requestPersistentStorage } from "./environment";
export { SYNC_TAG, WAKE_MESSAGE_TYPE } from "./background-sync";
export { IndexedDbStore } from "./storage/indexeddb-store";
export { MemoryStore } from "./storage/memory-store";
export { SCHEMA_VERSION } from "./storage/schema";
export type { Key, KeyRange, ReadTransaction, Store, TableName, WriteTransaction } from "./storage/store";
