// Texts of the review queue's filters and risk tags; the feature's messages first, then the
// app's (review.status.*, review.kind.*…).
import { useI18n } from 'vue-i18n'

export const reviewQueueMessages = {
  'zh-CN': {
    queue: {
      filters: '筛选',
      risk: '风险等级',
      riskAll: '全部风险',
      riskError: '高风险',
      riskWarning: '需注意',
      riskNone: '无风险提示',
      staff: '外勤人员',
      staffAll: '全部人员',
      submittedFrom: '提交日期从',
      submittedTo: '至',
      clearDates: '清除日期',
      datesBackwards: '结束日期不能早于开始日期',
    },
  },
  en: {
    queue: {
      filters: 'Filters',
      risk: 'Risk',
      riskAll: 'Any risk',
      riskError: 'High risk',
      riskWarning: 'Needs attention',
      riskNone: 'No risk flags',
      staff: 'Field worker',
      staffAll: 'Everyone',
      submittedFrom: 'Submitted from',
      submittedTo: 'to',
      clearDates: 'Clear dates',
      datesBackwards: 'The end date cannot be before the start date',
    },
  },
}

export function useReviewI18n() {
  return useI18n({
    useScope: 'local',
    messages: reviewQueueMessages,
    missingWarn: false,
    fallbackWarn: false,
  })
}
