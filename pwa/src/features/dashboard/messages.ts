// Texts of the dashboard's export buttons; the feature's messages first, then the app's.
import { useI18n } from 'vue-i18n'

export const dashboardExportMessages = {
  'zh-CN': {
    exports: {
      xlsx: '导出 Excel',
      failed: '导出失败，请稍后重试',
    },
  },
  en: {
    exports: {
      xlsx: 'Export Excel',
      failed: 'The export failed; please try again later',
    },
  },
}

export function useDashboardI18n() {
  return useI18n({
    useScope: 'local',
    messages: dashboardExportMessages,
    missingWarn: false,
    fallbackWarn: false,
  })
}
