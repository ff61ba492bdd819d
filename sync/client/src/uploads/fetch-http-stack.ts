import type { HttpRequest, HttpResponse, HttpStack } from "tus-js-client";

/**
 * tus-js-client's HttpStack over `fetch`, so one code path runs in pages, workers and
 * Node tests (its default browser stack needs XMLHttpRequest). fetch has no upload
 * progress: the handler is told once the body is sent; use a chunkSize for finer
 * progress.
 */
export class FetchHttpStack implements HttpStack {
  constructor(private readonly fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis)) {}

  createRequest(method: string, url: string): HttpRequest {
    return new FetchRequest(this.fetchImpl, method, url);
  }

  getName(): string {
    return "FetchHttpStack";
  }
}

class FetchRequest implements HttpRequest {
  private readonly headers: Record<string, string> = {};
  private readonly controller = new AbortController();
  private onProgress: ((bytesSent: number) => void) | null = null;

  constructor(
    private readonly fetchImpl: typeof fetch,
    private readonly method: string,
    private readonly url: string,
  ) {}

  getMethod(): string {
    return this.method;
  }

  getURL(): string {
    return this.url;
  }

  setHeader(header: string, value: string): void {
    this.headers[header] = value;
  }

  getHeader(header: string): string | undefined {
    return this.headers[header];
  }

  setProgressHandler(handler: (bytesSent: number) => void): void {
    this.onProgress = handler;
  }

  async send(body: unknown): Promise<HttpResponse> {
    const payload = (body ?? null) as BodyInit | null;
    const response = await this.fetchImpl(this.url, {
      method: this.method,
      headers: this.headers,
      body: payload,
      signal: this.controller.signal,
    });
    const text = await response.text();
    if (payload instanceof Blob) this.onProgress?.(payload.size);
    return new FetchResponse(response, text);
  }

  async abort(): Promise<void> {
    this.controller.abort();
  }

  getUnderlyingObject(): AbortController {
    return this.controller;
  }
}

class FetchResponse implements HttpResponse {
  constructor(
    private readonly response: Response,
    private readonly body: string,
  ) {}

  getStatus(): number {
    return this.response.status;
  }

  getHeader(header: string): string | undefined {
    return this.response.headers.get(header) ?? undefined;
  }

  getBody(): string {
    return this.body;
  }

  getUnderlyingObject(): Response {
    return this.response;
  }
}
