import { DetailedError, Upload } from "tus-js-client";
import { ClientErrorCode, ServerErrorCode, SyncError, type CodedError } from "../errors";
import type { TokenProvider } from "../graphql-transport";
import type { Store } from "../storage/store";
import { BlobFileReader } from "./blob-file-reader";
import { FetchHttpStack } from "./fetch-http-stack";
import { sha256Hex } from "./sha256";
import { StoreUrlStorage } from "./url-storage";

/**
 * A photo waiting for the server. The Blob stays in IndexedDB until the server has
 * confirmed the whole upload (the final PATCH, or a HEAD on resume, reports
 * Upload-Offset = size after its hash check); only then is the record deleted.
 */
export interface StoredUpload {
  sha256: string;
  filename: string;
  contentType: string;
  size: number;
  blob: Blob;
  /** pending: will be sent; failed: the server refused it for good (kept; see retryUpload). */
  status: "pending" | "failed";
  createdAt: number;
  attempts: number;
  lastError: CodedError | null;
}

export interface UploadConfig {
  /** tus creation endpoint, e.g. "/uploads/". */
  endpoint: string;
  getToken: TokenProvider;
  fetch?: typeof fetch;
  /** Bytes per PATCH; default: the whole file in one request. */
  chunkSize?: number;
  /** Told after each chunk the server accepted (per chunk: fetch has no byte-level progress). */
  onProgress?: (sha256: string, bytesAccepted: number, bytesTotal: number) => void;
}

export interface NewUpload {
  filename: string;
  contentType?: string;
}

/** Stores the photo (idempotent by content) and returns its sha256 for attachDocument. */
export async function addUpload(store: Store, blob: Blob, info: NewUpload, now = Date.now()): Promise<StoredUpload> {
  const sha256 = await sha256Hex(blob);
  const record: StoredUpload = {
    sha256,
    filename: info.filename,
    contentType: info.contentType ?? (blob.type || "application/octet-stream"),
    size: blob.size,
    blob,
    status: "pending",
    createdAt: now,
    attempts: 0,
    lastError: null,
  };
  return store.write(async (tx) => {
    const existing = await tx.get<StoredUpload>("uploads", sha256);
    if (existing) return existing;
    await tx.put("uploads", sha256, record);
    return record;
  });
}

export function listUploads(store: Store): Promise<StoredUpload[]> {
  return store.read((tx) => tx.scan<StoredUpload>("uploads"));
}

/** Puts a failed upload back in the queue (the user chose to try again). */
export function retryUpload(store: Store, sha256: string): Promise<void> {
  return store.write(async (tx) => {
    const u = await tx.get<StoredUpload>("uploads", sha256);
    if (u) await tx.put("uploads", sha256, { ...u, status: "pending" } satisfies StoredUpload);
  });
}

function fingerprintOf(sha256: string, endpoint: string): string {
  return `sha256:${sha256}@${endpoint}`;
}

/** A transient failure (back off and retry) or a final refusal (mark failed, keep the Blob). */
type Failure = { transient: SyncError } | { refusal: CodedError };

function classify(error: unknown): Failure {
  const response = error instanceof DetailedError ? error.originalResponse : null;
  const status = response?.getStatus() ?? 0;
  if (status === 401) return { transient: new SyncError(ServerErrorCode.UNAUTHENTICATED) };
  if (status === 0 || status >= 500 || [408, 409, 423, 429].includes(status)) {
    return { transient: new SyncError(ClientErrorCode.NETWORK_ERROR) };
  }
  return { refusal: refusalFromBody(status, response?.getBody() ?? "") };
}

/**
 * The server's reason, when it gave one: a JSON body `{code, message}` (or
 * `{error: {code, message}}`) keeps its code; a short plain-text body becomes the message.
 */
function refusalFromBody(status: number, rawBody: string): CodedError {
  const body = rawBody.trim();
  const fallback = `照片上传被拒绝（HTTP ${status}）`;
  try {
    const parsed = JSON.parse(body) as { code?: unknown; message?: unknown; error?: { code?: unknown; message?: unknown } };
    const source = parsed.error ?? parsed;
    if (typeof source.code === "string") {
      return { code: source.code, message: typeof source.message === "string" ? source.message : fallback };
    }
  } catch {
    // not JSON: fall through to plain text
  }
  const message = body.length > 0 && body.length <= 200 ? body : fallback;
  return { code: ClientErrorCode.UPLOAD_FAILED, message };
}

async function recordFailure(store: Store, sha256: string, error: CodedError, failed: boolean): Promise<void> {
  await store.write(async (tx) => {
    const u = await tx.get<StoredUpload>("uploads", sha256);
    if (!u) return;
    const next: StoredUpload = { ...u, status: failed ? "failed" : u.status, attempts: u.attempts + 1, lastError: error };
    await tx.put("uploads", sha256, next);
  });
}

function runTus(upload: StoredUpload, config: UploadConfig, urlStorage: StoreUrlStorage): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const tus = new Upload(upload.blob, {
      endpoint: config.endpoint,
      metadata: { filename: upload.filename, sha256: upload.sha256, contentType: upload.contentType },
      fingerprint: async () => fingerprintOf(upload.sha256, config.endpoint),
      urlStorage,
      fileReader: new BlobFileReader(),
      httpStack: new FetchHttpStack(config.fetch),
      chunkSize: config.chunkSize ?? Number.POSITIVE_INFINITY,
      retryDelays: null, // the sync loop owns retries and their backoff
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
      onBeforeRequest: async (req) => {
        const token = await config.getToken();
        if (token) req.setHeader("Authorization", `Bearer ${token}`);
      },
      onChunkComplete: (_chunk, accepted, total) => config.onProgress?.(upload.sha256, accepted, total),
      onSuccess: () => resolve(),
      onError: (error) => reject(error),
    });
    tus
      .findPreviousUploads()
      .then((previous) => {
        const latest = [...previous].sort((a, b) => b.creationTime.localeCompare(a.creationTime))[0];
        if (latest) tus.resumeFromPreviousUpload(latest);
        tus.start();
      })
      .catch(reject);
  });
}

/**
 * Sends every pending upload, one at a time, resuming from stored tus URLs. Throws a
 * SyncError on a transient failure (the caller backs off); a final refusal marks that
 * upload failed, keeps its Blob and goes on with the next. Returns how many were verified.
 */
export async function runUploads(store: Store, config: UploadConfig): Promise<number> {
  const urlStorage = new StoreUrlStorage(store);
  let verified = 0;
  for (const upload of await listUploads(store)) {
    if (upload.status !== "pending") continue;
    try {
      await runTus(upload, config, urlStorage);
    } catch (error) {
      const failure = classify(error);
      if ("transient" in failure) {
        await recordFailure(store, upload.sha256, failure.transient.toJSON(), false);
        throw failure.transient;
      }
      // The server's upload is gone or refused: a retry must start a new one.
      await urlStorage.removeFingerprint(fingerprintOf(upload.sha256, config.endpoint));
      await recordFailure(store, upload.sha256, failure.refusal, true);
      continue;
    }
    // Verified by the server: only now may the Blob go.
    await store.write((tx) => tx.del("uploads", upload.sha256));
    verified++;
  }
  return verified;
}
