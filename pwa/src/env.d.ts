/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/vue" />

/** package.json version, set at build time. */
declare const __APP_VERSION__: string
