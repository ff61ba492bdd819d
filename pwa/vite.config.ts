/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'

import { VantResolver } from '@vant/auto-import-resolver'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { defineConfig } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'

import { stripRemoteFonts } from './build/strip-remote-fonts.ts'
import packageJson from './package.json' with { type: 'json' }
import { SERVER_PATHS } from './src/pwa/server-paths.ts'
import { THEME_COLOR } from './src/theme.ts'

// DOORSTEP_BUILD_ID, when set, marks a deployment in the version shown (the browser tests use
// it to publish a "new version" and check the update prompt).
const buildId = process.env.DOORSTEP_BUILD_ID
const appVersion = buildId ? `${packageJson.version}+${buildId}` : packageJson.version

export default defineConfig({
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  define: {
    __APP_VERSION__: JSON.stringify(appVersion),
    // vue-i18n: composition API only, so its legacy API and devtools hooks are tree-shaken.
    __VUE_I18N_FULL_INSTALL__: false,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  plugins: [
    vue(),
    stripRemoteFonts(),
    // Vant components and their CSS are imported on demand, keeping the first load small.
    Components({ dirs: [], resolvers: [VantResolver()], dts: 'src/components.d.ts' }),
    VitePWA({
      registerType: 'prompt',
      // Our own worker (src/sw.ts: the precached shell and Web Push), built by the plugin
      // with the precache manifest injected.
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      injectRegister: false,
      manifestFilename: 'manifest.webmanifest',
      includeAssets: ['favicon.png', 'apple-touch-icon.png'],
      manifest: {
        id: '/',
        name: '住房公积金上门服务',
        short_name: '上门服务',
        description: '住房公积金管理中心外勤上门服务：离线采集、材料拍照、案件同步。',
        lang: 'zh-CN',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: THEME_COLOR,
        background_color: '#ffffff',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: 'icons/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      injectManifest: {
        // Icons, the manifest and includeAssets are added by the plugin itself.
        globPatterns: ['**/*.{js,css,html}'],
      },
    }),
  ],
  server: {
    // `npm run dev` talks to a local `doorstep serve` (default port 8000).
    proxy: Object.fromEntries(
      ['/graphql', '/uploads', '/health'].map((path) => [path, 'http://127.0.0.1:8000']),
    ),
  },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
  },
  test: {
    environment: 'happy-dom',
    include: ['tests/unit/**/*.spec.ts'],
    restoreMocks: true,
    // A test's first navigation compiles lazily loaded views (Vant inlined): seconds on a
    // loaded CI machine, so the default 5 s would measure the machine, not the code.
    testTimeout: 30_000,
    // Vant's ES build imports its own CSS; let Vite transform it instead of Node.
    server: { deps: { inline: ['vant'] } },
  },
})
