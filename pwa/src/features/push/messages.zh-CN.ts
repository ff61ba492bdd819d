// 推送通知 (Web Push) texts. en: messages.en.ts.
const pushZhCN = {
  switch: '接收推送通知',
  onHint: '新消息会在本设备上弹出提醒',
  offHint: '未开启时，新消息只在「消息」中显示',
  enabled: '已开启推送通知',
  disabled: '已关闭推送通知',
  failures: {
    unsupported: '此浏览器（或无痕窗口）不支持推送通知。新消息仍会在「消息」中显示。',
    denied:
      '通知权限已被拒绝，无法开启推送。如需开启，请在浏览器的网站设置中允许通知；新消息仍会在「消息」中显示。',
    dismissed: '未获得通知权限，推送通知未开启。',
    unreachable:
      '无法连接浏览器的推送服务，推送通知未开启。在中国大陆，Chrome 的推送服务无法访问；新消息仍会在应用的「消息」中收到。',
    offline: '无法连接服务器，推送通知未开启，请联网后再试。',
    server: '服务器未能登记推送通知，请稍后再试。',
  },
}

export type PushMessages = typeof pushZhCN
export default pushZhCN
