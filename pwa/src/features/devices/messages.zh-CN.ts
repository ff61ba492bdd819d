// 设备管理 (supervisors and admins): zh-CN first; en follows the same keys.
export default {
  title: '设备管理',
  intro: '平板丢失或被盗时，在这里停用它。停用后该平板不能再同步。',
  empty: '还没有设备同步过',
  device: '设备 {id}',
  lastSeen: '最近同步：{at}',
  firstSeen: '首次同步：{at}',
  revoked: '已停用',
  revokedAt: '{at} 由 {by} 停用',
  revokedAtNoActor: '{at} 停用',
  revoke: '停用此设备',
  confirmTitle: '停用此设备？',
  confirmMessage:
    '{name} 的设备 {id} 将被停用：它下次联网时会先上传尚未发送的工作，然后清除平板上的本地数据，此后不能再同步。此操作不能撤销。',
  confirm: '停用',
  cancel: '取消',
  revokedToast: '已停用该设备',
  loadFailed: '设备列表加载失败：{message}',
  revokeFailed: '停用失败：{message}',
  retry: '重试',
}
