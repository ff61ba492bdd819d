// The backend (doorstep serve) owns these paths; the service worker must never answer them
// with the cached app shell. Shared by vite.config.ts and src/sw.ts.
export const SERVER_PATHS: RegExp[] = [/^\/graphql/, /^\/uploads/, /^\/health/]
