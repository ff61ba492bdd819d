import staffEn from '@/features/staff/messages.en'

import type { MessageSchema } from './zh-CN'

// English: the fallback language; typed against zh-CN so no key can be missing.
const en: MessageSchema = {
  app: {
    name: 'Housing Provident Fund Doorstep Service',
    shortName: 'Doorstep',
  },
  tabs: {
    home: 'Home',
    me: 'Me',
  },
  login: {
    title: 'Sign in',
    welcome: 'Welcome to',
    username: 'Username',
    usernamePlaceholder: 'Enter your username',
    usernameRequired: 'Please enter your username',
    password: 'Password',
    passwordPlaceholder: 'Enter your password',
    passwordRequired: 'Please enter your password',
    showPassword: 'Show password',
    hidePassword: 'Hide password',
    submit: 'Sign in',
    offlineHint: 'You are offline. Connect to the network to sign in.',
  },
  home: {
    greeting: 'Hello, {name}',
    role: 'Role',
    network: 'Network',
    loadFailed: 'Could not refresh your details; showing the last saved ones',
  },
  me: {
    username: 'Username',
    language: 'Language',
    version: 'Version',
    logout: 'Sign out',
    logoutConfirm: 'You will need to sign in again. Sign out now?',
    confirm: 'Sign out',
    cancel: 'Cancel',
  },
  roles: {
    FIELD_STAFF: 'Field staff',
    SUPERVISOR: 'Supervisor',
    EMPLOYER: 'Employer agent',
    ADMIN: 'Administrator',
  },
  network: {
    online: 'Online',
    offline: 'Offline',
    offlineBanner: 'You are offline. The app reconnects by itself.',
  },
  update: {
    title: 'Update',
    message: 'A new version is available. Reload now?',
    confirm: 'Reload',
    cancel: 'Later',
  },
  errors: {
    NETWORK_ERROR: 'Network error. Check your connection and try again.',
    SERVER_ERROR: 'The server could not handle this. Please try again later.',
    UNAUTHENTICATED: 'Your session has ended. Please sign in again.',
    FORBIDDEN: 'You are not allowed to do this.',
    INVALID_CREDENTIALS: 'Wrong username or password.',
    TOO_MANY_ATTEMPTS: 'Too many attempts. Please try again later.',
    UNKNOWN: 'Something went wrong. Please try again later.',
  },
  staff: staffEn,
  languages: {
    'zh-CN': '简体中文',
    en: 'English',
  },
}

export default en
