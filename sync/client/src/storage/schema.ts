import type { TableName } from "./store";

/**
 * Schema version of the on-device database. Bump it together with a new step in
 * `upgradeSteps` (IndexedDB runs every step above the stored version, in order);
 * never edit a released step.
 */
export const SCHEMA_VERSION = 1;

/**
 * meta      — single values: clientId, nextMutationId, pull cursor, lastSyncAt, lastError
 * outbox    — pending mutations keyed by mutation id (1, 2, 3, …), kept until acknowledged
 * rejected  — mutations the server rejected, with their coded error, until the user dismisses them
 * entities  — the server's data, keyed by [entity, id], with its version
 * uploads   — photos (Blobs) keyed by sha256, kept until the server verifies the upload
 * tusUrls   — tus-js-client's resume records (its UrlStorage), keyed by a generated id
 */
export const TABLES: readonly TableName[] = ["meta", "outbox", "rejected", "entities", "uploads", "tusUrls"];

/** Tables created by each schema version (index 0 = version 1). */
export const upgradeSteps: readonly (readonly TableName[])[] = [TABLES];
