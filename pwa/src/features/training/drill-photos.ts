// A drill's document photos kept on the device so the drill works offline: stored in a
// Cache API cache of their own when the drill starts (after the pull that brings its practice
// case) and whenever its case is synced, read from there first, dropped when it is finished
// or the device is wiped. Only drills use it: their photos are generated, never a member's,
// so they need no sealing (real cases' data stays in the sealed sync store).
export const DRILL_PHOTO_CACHE = 'doorstep-drill-photos'

export interface PhotoCacheDeps {
  caches: CacheStorage | undefined
  fetch: typeof fetch
}

const browser = (): PhotoCacheDeps => ({
  caches: globalThis.caches,
  fetch: (...args) => globalThis.fetch(...args),
})
const urlOf = (sha256: string) => `/files/${sha256}`

async function fetchPhoto(sha256: string, token: string | null, deps: PhotoCacheDeps) {
  const response = await deps.fetch(urlOf(sha256), {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  })
  if (!response.ok) throw new Error(String(response.status))
  return response
}

/** Stores the photos not stored yet; returns how many are on the device now. */
export async function storeDrillPhotos(
  shas: readonly string[],
  token: string | null,
  deps: PhotoCacheDeps = browser(),
): Promise<number> {
  if (deps.caches === undefined) return 0
  const cache = await deps.caches.open(DRILL_PHOTO_CACHE)
  let stored = 0
  for (const sha256 of new Set(shas.filter(Boolean))) {
    try {
      if ((await cache.match(urlOf(sha256))) === undefined)
        await cache.put(urlOf(sha256), await fetchPhoto(sha256, token, deps))
      stored += 1
    } catch {
      // offline or refused: tried again at the next sync or opening
    }
  }
  return stored
}

/** The photo from the device, else from the server (and then kept); null when neither. */
export async function drillPhoto(
  sha256: string,
  token: string | null,
  deps: PhotoCacheDeps = browser(),
): Promise<Blob | null> {
  const cache = deps.caches === undefined ? undefined : await deps.caches.open(DRILL_PHOTO_CACHE)
  const kept = await cache?.match(urlOf(sha256))
  if (kept !== undefined) return kept.blob()
  try {
    const response = await fetchPhoto(sha256, token, deps)
    await cache?.put(urlOf(sha256), response.clone())
    return await response.blob()
  } catch {
    return null
  }
}

export async function forgetDrillPhotos(
  shas: readonly string[],
  deps: PhotoCacheDeps = browser(),
): Promise<void> {
  if (deps.caches === undefined) return
  const cache = await deps.caches.open(DRILL_PHOTO_CACHE)
  await Promise.all(shas.map((sha256) => cache.delete(urlOf(sha256))))
}
