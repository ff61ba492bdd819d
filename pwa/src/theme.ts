// One brand colour for the manifest, the <meta name="theme-color"> and Vant's primary colour.
// #1a5fb4 on white (and white on it) has a contrast ratio of about 6.4:1 (WCAG AA for text).
export const THEME_COLOR = '#1a5fb4'
