/**
 * A small real HTTP server speaking the bits of the sync protocol (spec section 3) and
 * tus 1.0.0 core + creation that the client needs, so tests exercise real fetch, real
 * headers and real bodies instead of a mocked fetch. Knobs let a test inject the
 * failures it is about.
 */
import { createHash, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ServerChange {
  entity: string;
  id: string;
  op: "put" | "delete";
  version: number;
  data: unknown;
}

interface PushedMutation {
  id: number;
  name: string;
  args: Record<string, unknown>;
}

interface TusUpload {
  length: number;
  metadata: Record<string, string>;
  bytes: Buffer[];
  offset: number;
}

export interface GraphqlCall {
  operation: "push" | "pull";
  authorization: string | undefined;
  variables: Record<string, unknown>;
}

export class TestSyncServer {
  token = "token-staff1";
  /** Changes page size for pull. */
  pageSize = 2;
  /** Respond 503 to this many GraphQL requests before answering normally. */
  failGraphql = 0;
  /** Answer every push with PROTOCOL_OUTDATED (a server that needs a newer client). */
  requireNewerProtocol = false;
  /**
   * How a gap is reported: a top-level error with extensions.details.lastMutationId (the
   * backend's error shape), the same without it (the client must ask via pull), or a
   * per-mutation result.
   */
  outOfOrderStyle: "error" | "bare-error" | "result" = "error";
  /** Cursors carry the epoch; compact() starts a new one, so older cursors get `reset: true`. */
  private epoch = 1;
  /** Destroy the connection of this many PATCH requests (after reading them). */
  dropPatches = 0;
  /** Destroy the connection of the next PATCH that starts at this offset (one-shot). */
  dropPatchAtOffset: number | null = null;
  /** Uploads larger than this are refused up front with 413 (spec: a server setting). */
  maxUploadBytes = 20 * 1024 * 1024;
  /** Flip a byte of every upload received, so its hash no longer matches. */
  corruptUploads = false;
  /** Mutation ids the next push loses on the way (as a truncating proxy would). */
  loseMutationIdsOnce: number[] = [];
  /** Answer this many push requests correctly but lose the response (connection reset). */
  losePushResponses = 0;

  readonly lastMutationIds = new Map<string, number>();
  readonly applied: { clientId: string; mutation: PushedMutation }[] = [];
  readonly log: ServerChange[] = [];
  readonly versions = new Map<string, number>();
  readonly graphqlCalls: GraphqlCall[] = [];
  readonly tusRequests: { method: string; url: string; authorization: string | undefined }[] = [];
  readonly uploads = new Map<string, TusUpload>();
  /** Completed, hash-verified files by sha256. */
  readonly files = new Map<string, Buffer>();
  /** Extra routes (the browser test serves its page this way). */
  readonly routes = new Map<string, { type: string; body: string | Buffer }>();

  private server: Server | null = null;
  baseUrl = "";

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      void this.handle(req, res).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    const { port } = this.server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}`;
    return this.baseUrl;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Server-side change to data the user may see (as another device or a supervisor would). */
  record(entity: string, id: string, op: "put" | "delete", data: unknown = null): ServerChange {
    const key = `${entity}/${id}`;
    const version = (this.versions.get(key) ?? 0) + 1;
    this.versions.set(key, version);
    const change = { entity, id, op, version, data };
    this.log.push(change);
    return change;
  }

  /** Drop the change log and start a new epoch, keeping only what is given again. */
  compact(): void {
    this.log.splice(0, this.log.length);
    this.epoch++;
  }

  /** Forget a client's progress, as a server restored from an older backup would. */
  forgetClient(clientId: string, lastMutationId: number): void {
    this.lastMutationIds.set(clientId, lastMutationId);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? "/";
    const body = await readBody(req);
    if (url === "/graphql" && req.method === "POST") return this.graphql(req, res, body);
    if (url.startsWith("/uploads/")) return this.tus(req, res, url, body);
    const route = this.routes.get(url.split("?")[0] ?? url);
    if (route) {
      res.writeHead(200, { "Content-Type": route.type, "Cache-Control": "no-store" });
      res.end(route.body);
      return;
    }
    res.writeHead(404).end();
  }

  private graphql(req: IncomingMessage, res: ServerResponse, raw: Buffer): void {
    const { query, variables } = JSON.parse(raw.toString("utf8")) as { query: string; variables: Record<string, unknown> };
    const operation = query.includes("push(") ? "push" : "pull";
    this.graphqlCalls.push({ operation, authorization: req.headers.authorization, variables });
    const json = (status: number, payload: unknown): void => {
      res.writeHead(status, { "Content-Type": "application/json" });
      res.end(JSON.stringify(payload));
    };
    const error = (code: string, message: string, extra: Record<string, unknown> = {}): void =>
      json(200, { data: null, errors: [{ message, extensions: { code, ...extra } }] });
    if (this.failGraphql > 0) {
      this.failGraphql--;
      return json(503, { errors: [{ message: "服务暂不可用" }] });
    }
    if (req.headers.authorization !== `Bearer ${this.token}`) return error("UNAUTHENTICATED", "请先登录");
    if (operation === "pull") return json(200, { data: { pull: this.pull(variables) } });
    const input = variables.input as { clientId: string; protocolVersion: number; mutations: PushedMutation[] };
    if (this.requireNewerProtocol || input.protocolVersion !== 1) return error("PROTOCOL_OUTDATED", "客户端版本过旧，请更新应用");
    const lost = new Set(this.loseMutationIdsOnce.splice(0));
    const outcome = this.push(input.clientId, input.mutations.filter((m) => !lost.has(m.id)));
    if (outcome.gap && this.outOfOrderStyle === "error") {
      return error("OUT_OF_ORDER", "操作顺序不连续", { details: { lastMutationId: outcome.result.lastMutationId } });
    }
    if (outcome.gap && this.outOfOrderStyle === "bare-error") return error("OUT_OF_ORDER", "操作顺序不连续");
    if (this.losePushResponses > 0) {
      this.losePushResponses--;
      res.destroy();
      return;
    }
    json(200, { data: { push: outcome.result } });
  }

  private push(clientId: string, mutations: PushedMutation[]) {
    const results: { id: number; status: string; error: { code: string; message: string } | null }[] = [];
    let last = this.lastMutationIds.get(clientId) ?? 0;
    let gap = false;
    for (const m of mutations) {
      if (m.id <= last) {
        results.push({ id: m.id, status: "duplicate", error: null });
        continue;
      }
      if (m.id > last + 1) {
        gap = true;
        results.push({ id: m.id, status: "rejected", error: { code: "OUT_OF_ORDER", message: "操作顺序不连续" } });
        break;
      }
      last = m.id;
      if (m.name === "createCase" || m.name === "updateCase") {
        const id = String(m.args.id);
        const previous = [...this.log].reverse().find((c) => c.entity === "case" && c.id === id);
        const fields = { ...((previous?.data as { fields?: object } | undefined)?.fields ?? {}), ...(m.args.fields as object) };
        this.record("case", id, "put", { id, fields });
        this.applied.push({ clientId, mutation: m });
        results.push({ id: m.id, status: "applied", error: null });
      } else {
        results.push({ id: m.id, status: "rejected", error: { code: "VALIDATION_FAILED", message: `未知操作 ${m.name}` } });
      }
    }
    this.lastMutationIds.set(clientId, last);
    return { gap, result: { lastMutationId: last, results } };
  }

  private pull(variables: Record<string, unknown>) {
    const clientId = String(variables.clientId);
    const [epoch, position] = typeof variables.cursor === "string" ? variables.cursor.split(":").map(Number) : [this.epoch, 0];
    const lastMutationId = this.lastMutationIds.get(clientId) ?? 0;
    if (epoch !== this.epoch) {
      return { cursor: `${this.epoch}:${this.log.length}`, lastMutationId, reset: true, changes: [] };
    }
    const from = position ?? 0;
    const changes = this.log.slice(from, from + this.pageSize);
    return { cursor: `${this.epoch}:${from + changes.length}`, lastMutationId, reset: false, changes };
  }

  private tus(req: IncomingMessage, res: ServerResponse, url: string, body: Buffer): void {
    this.tusRequests.push({ method: req.method ?? "", url, authorization: req.headers.authorization });
    const base = { "Tus-Resumable": "1.0.0" };
    if (req.headers.authorization !== `Bearer ${this.token}`) return void res.writeHead(401, base).end();
    if (req.method === "POST" && url === "/uploads/") {
      if (Number(req.headers["upload-length"]) > this.maxUploadBytes) {
        res.writeHead(413, { ...base, "Content-Type": "application/json" });
        return void res.end(JSON.stringify({ code: "UPLOAD_TOO_LARGE", message: "文件过大" }));
      }
      const id = randomUUID();
      this.uploads.set(id, {
        length: Number(req.headers["upload-length"]),
        metadata: parseMetadata(String(req.headers["upload-metadata"] ?? "")),
        bytes: [],
        offset: 0,
      });
      return void res.writeHead(201, { ...base, Location: `/uploads/${id}` }).end();
    }
    const upload = this.uploads.get(url.slice("/uploads/".length));
    if (!upload) return void res.writeHead(404, base).end();
    if (req.method === "HEAD") {
      return void res
        .writeHead(200, { ...base, "Upload-Offset": String(upload.offset), "Upload-Length": String(upload.length), "Cache-Control": "no-store" })
        .end();
    }
    if (req.method !== "PATCH") return void res.writeHead(405, base).end();
    if (Number(req.headers["upload-offset"]) !== upload.offset) return void res.writeHead(409, base).end();
    if (this.dropPatches > 0 || this.dropPatchAtOffset === upload.offset) {
      if (this.dropPatches > 0) this.dropPatches--;
      else this.dropPatchAtOffset = null;
      res.destroy();
      return;
    }
    if (this.corruptUploads && body.length > 0) body[0] = (body[0] ?? 0) ^ 0xff;
    upload.bytes.push(body);
    upload.offset += body.length;
    if (upload.offset === upload.length) {
      const whole = Buffer.concat(upload.bytes);
      const digest = createHash("sha256").update(whole).digest("hex");
      if (digest !== upload.metadata.sha256) {
        this.uploads.delete(url.slice("/uploads/".length));
        res.writeHead(460, { ...base, "Content-Type": "text/plain; charset=utf-8" });
        return void res.end("文件校验失败");
      }
      this.files.set(digest, whole);
    }
    res.writeHead(204, { ...base, "Upload-Offset": String(upload.offset) }).end();
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function parseMetadata(header: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of header.split(",")) {
    const [key, value] = pair.trim().split(" ");
    if (key) out[key] = value ? Buffer.from(value, "base64").toString("utf8") : "";
  }
  return out;
}
