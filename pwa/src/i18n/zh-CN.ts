// Simplified Chinese: the app's first language. Every key must exist here; en.ts follows it.
import staffZhCN from '@/features/staff/messages.zh-CN'

const zhCN = {
  app: {
    name: '住房公积金上门服务',
    shortName: '上门服务',
  },
  tabs: {
    home: '首页',
    me: '我的',
  },
  login: {
    title: '登录',
    welcome: '欢迎使用',
    username: '用户名',
    usernamePlaceholder: '请输入用户名',
    usernameRequired: '请填写用户名',
    password: '密码',
    passwordPlaceholder: '请输入密码',
    passwordRequired: '请填写密码',
    showPassword: '显示密码',
    hidePassword: '隐藏密码',
    submit: '登录',
    offlineHint: '当前没有网络，请联网后再登录',
  },
  home: {
    greeting: '你好，{name}',
    role: '身份',
    network: '网络',
    loadFailed: '未能更新个人信息，显示的是上次保存的内容',
  },
  me: {
    username: '用户名',
    language: '语言',
    version: '版本',
    logout: '退出登录',
    logoutConfirm: '退出后需要重新登录，确定退出吗？',
    confirm: '确定',
    cancel: '取消',
  },
  roles: {
    FIELD_STAFF: '外勤人员',
    SUPERVISOR: '审核主管',
    EMPLOYER: '单位经办人',
    ADMIN: '管理员',
  },
  network: {
    online: '在线',
    offline: '离线',
    offlineBanner: '当前处于离线状态，联网后会自动恢复',
  },
  update: {
    title: '更新提示',
    message: '发现新版本，是否刷新？',
    confirm: '刷新',
    cancel: '稍后',
  },
  errors: {
    NETWORK_ERROR: '网络连接失败，请检查网络后重试',
    SERVER_ERROR: '服务器暂时无法处理，请稍后再试',
    UNAUTHENTICATED: '登录已失效，请重新登录',
    FORBIDDEN: '您没有权限进行此操作',
    INVALID_CREDENTIALS: '用户名或密码错误',
    TOO_MANY_ATTEMPTS: '尝试次数过多，请稍后再试',
    UNKNOWN: '出现错误，请稍后再试',
  },
  staff: staffZhCN,
  languages: {
    'zh-CN': '简体中文',
    en: 'English',
  },
}

export type MessageSchema = typeof zhCN
export default zhCN
