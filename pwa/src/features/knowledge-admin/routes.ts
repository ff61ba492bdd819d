import type { RouteRecordRaw } from 'vue-router'

// Admin pages for editing the knowledge base (the server allows these operations to ADMIN only).
export const knowledgeAdminRoutes: RouteRecordRaw[] = [
  {
    path: 'admin/knowledge',
    name: 'knowledge-admin',
    component: () => import('./KnowledgeAdminView.vue'),
    meta: { titleKey: 'knowledgeAdmin.title' },
  },
  {
    path: 'admin/knowledge/:id',
    name: 'knowledge-admin-article',
    component: () => import('./ArticleEditorView.vue'),
    meta: { titleKey: 'knowledgeAdmin.title' },
  },
]
