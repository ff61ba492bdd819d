// Uploads a file to Doorstep with tus-js-client (the library the PWA uses), in two goes:
// the first upload is aborted after its first chunk, the second resumes from its URL.
// Usage: node tus_js_client_upload.cjs ENDPOINT TOKEN FILE SHA256 CHUNK_SIZE
// Prints one JSON line: {url, offsetAfterAbort, firstChunkAfterResume, bytesTotal} or {error, status, body}.
const path = require("node:path");
const fs = require("node:fs");
const clientDir = path.resolve(__dirname, "../../../sync/client");
const tus = require(require.resolve("tus-js-client", { paths: [clientDir] }));

const [endpoint, token, file, sha256, chunkSize] = process.argv.slice(2);
const data = fs.readFileSync(file);
const common = {
  endpoint,
  chunkSize: Number(chunkSize),
  retryDelays: null,
  metadata: { sha256, filename: path.basename(file), contentType: "image/jpeg" },
  headers: { Authorization: `Bearer ${token}` },
};

function fail(error) {
  const response = error.originalResponse;
  console.log(JSON.stringify({
    error: String(error.message || error),
    status: response ? response.getStatus() : 0,
    body: response ? response.getBody() : "",
  }));
  process.exit(1);
}

function firstChunkThenAbort() {
  return new Promise((resolve, reject) => {
    const upload = new tus.Upload(data, {
      ...common,
      onError: reject,
      onChunkComplete: (_chunk, accepted) => {
        upload.abort().then(() => resolve({ url: upload.url, offset: accepted }));
      },
    });
    upload.start();
  });
}

function resume(url) {
  return new Promise((resolve, reject) => {
    let firstAccepted = null;
    const upload = new tus.Upload(data, {
      ...common,
      uploadUrl: url,
      onError: reject,
      onChunkComplete: (_chunk, accepted) => {
        if (firstAccepted === null) firstAccepted = accepted;
      },
      onSuccess: () => resolve({ firstAccepted }),
    });
    upload.start();
  });
}

(async () => {
  const first = await firstChunkThenAbort();
  const second = await resume(first.url);
  console.log(JSON.stringify({
    url: first.url,
    offsetAfterAbort: first.offset,
    firstChunkAfterResume: second.firstAccepted,
    bytesTotal: data.length,
  }));
})().catch(fail);
