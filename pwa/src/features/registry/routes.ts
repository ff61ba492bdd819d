import type { RouteRecordRaw } from 'vue-router'

// 共享数据接口 for admins (the server allows registryHealth to ADMIN only).
export const registryRoutes: RouteRecordRaw[] = [
  {
    path: 'admin/registry',
    name: 'registry-admin',
    component: () => import('./RegistryAdminView.vue'),
    meta: { titleKey: 'registry.title' },
  },
]
