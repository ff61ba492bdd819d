// Training (模拟演练, 政策必知) and the monthly assessment, children of the tab layout. The
// drill pages work on the practice case in the device's copy, so they are `localData`.
import type { RouteRecordRaw } from 'vue-router'

export const trainingRoutes: RouteRecordRaw[] = [
  {
    path: 'training',
    name: 'training',
    component: () => import('./TrainingView.vue'),
    meta: { titleKey: 'training.title', localData: true },
  },
  {
    path: 'training/attempts/:attemptId',
    name: 'drill-work',
    component: () => import('./DrillWorkView.vue'),
    meta: { titleKey: 'training.drills', localData: true },
  },
  {
    path: 'training/attempts/:attemptId/result',
    name: 'drill-result',
    component: () => import('./DrillResultView.vue'),
    meta: { titleKey: 'training.result', localData: true },
  },
  {
    path: 'training/policy',
    name: 'policy-checks',
    component: () => import('./PolicyChecksView.vue'),
    meta: { titleKey: 'training.policy', localData: true },
  },
  {
    path: 'assessment',
    name: 'assessment',
    component: () => import('./AssessmentView.vue'),
    meta: { titleKey: 'training.assessment' },
  },
]
