import type { RouteRecordRaw } from 'vue-router'

// 设备管理 for supervisors and admins (the server allows devices/revokeDevice accordingly).
export const deviceRoutes: RouteRecordRaw[] = [
  {
    path: 'admin/devices',
    name: 'devices',
    component: () => import('./DeviceAdminView.vue'),
    meta: { titleKey: 'devices.title' },
  },
]
