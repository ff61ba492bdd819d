import { build } from "esbuild";
import { chromium, type Browser } from "playwright-core";
import { TestSyncServer } from "../support/test-sync-server";

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

async function bundle(entry: string, globalName?: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: "iife",
    globalName,
    platform: "browser",
    target: "chrome110",
    write: false,
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error(`esbuild produced nothing for ${entry}`);
  return file.text;
}

export interface BrowserRig {
  server: TestSyncServer;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Builds the client (src/index.ts, as window.DoorstepSync) and a service worker using
 * the SW helper, serves both with a blank page from the test sync server on
 * 127.0.0.1 (a secure context, so service workers and WebCrypto work), and launches
 * the system Chromium.
 */
export async function startBrowserRig(): Promise<BrowserRig> {
  const server = new TestSyncServer();
  await server.start();
  server.routes.set("/", { type: "text/html; charset=utf-8", body: '<!doctype html><meta charset="utf-8"><title>sync</title><script src="/sync-client.js"></script>' });
  server.routes.set("/sync-client.js", { type: "text/javascript", body: await bundle("src/index.ts", "DoorstepSync") });
  server.routes.set("/sw.js", { type: "text/javascript", body: await bundle("tests/browser/sw-entry.ts") });
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.stop();
    },
  };
}
