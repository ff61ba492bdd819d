import type { Plugin } from 'vite'

// Vant's icon font lists a CDN copy (at.alicdn.com) after the embedded woff2. The app must
// load nothing from other hosts: it works offline, and the server's CSP allows only 'self'.
const REMOTE_FONT_SOURCE = /,\s*url\((?:https?:)?\/\/[^)]+\)\s*format\(["']woff["']\)/g

export function stripRemoteFonts(): Plugin {
  return {
    name: 'doorstep:strip-remote-fonts',
    enforce: 'pre',
    transform(code, id) {
      if (!id.endsWith('.css') || !id.includes('/vant/')) return null
      if (!REMOTE_FONT_SOURCE.test(code)) return null
      REMOTE_FONT_SOURCE.lastIndex = 0
      return { code: code.replace(REMOTE_FONT_SOURCE, ''), map: null }
    },
  }
}
