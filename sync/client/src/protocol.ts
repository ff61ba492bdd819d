/**
 * The sync protocol, version 1, as written in the interface spec section 3
 * (server side: sync/PROTOCOL.md). One place for the documents and their shapes.
 */
export const PROTOCOL_VERSION = 1;

export const PUSH_DOCUMENT = `mutation Push($input: PushInput!) {
  push(input: $input) { lastMutationId results { id status error { code message } } }
}`;

export const PULL_DOCUMENT = `query Pull($clientId: ID!, $cursor: String) {
  pull(clientId: $clientId, cursor: $cursor) { cursor lastMutationId reset changes { entity id op version data } }
}`;

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Mutators the server knows (spec section 3); any other name is allowed and the server decides. */
export type MutatorName = "createCase" | "updateCase" | "attachDocument" | "submitCase" | (string & {});

/** A mutation's `args`: a JSON object (structured-cloned into IndexedDB, sent as JSON). */
export type MutationArgs = object;

export interface MutationInput {
  id: number;
  name: string;
  args: MutationArgs;
}

export interface PushInput {
  clientId: string;
  protocolVersion: number;
  mutations: MutationInput[];
}

export type MutationStatus = "applied" | "rejected" | "duplicate";

export interface MutationResult {
  id: number;
  status: MutationStatus | string;
  error: { code: string; message: string } | null;
}

export interface PushResult {
  lastMutationId: number;
  results: MutationResult[];
}

export interface Change {
  entity: string;
  id: string;
  op: "put" | "delete" | string;
  version: number;
  data: JsonValue | null;
}

export interface PullResult {
  cursor: string;
  lastMutationId: number;
  reset: boolean;
  changes: Change[];
}
