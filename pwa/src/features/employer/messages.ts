import { useI18n } from 'vue-i18n'

// Texts of the employer link (local to the employer feature's components; other keys such
// as review.status.* come from the app's global messages).
export const employerLinkMessages = {
  'zh-CN': {
    link: {
      offerTitle: '单位经办人扫码登记',
      offerHint: '请单位经办人用自己的手机扫描二维码。没有账号时，请告诉对方下面的一次性验证码。',
      code: '一次性验证码',
      validity: '24 小时内有效，只能使用一次',
      notSyncedYet: '本机尚未同步：平板联网同步后，对方才能打开此链接',
      synced: '已同步，对方现在可以打开链接',
      regenerate: '重新生成二维码',
      caseStatus: '案件状态',
      openTitle: '单位登记',
      openIntro: '工作人员邀请您在手机上填写并签署本单位的缴存登记。',
      signIn: '登录单位账号',
      orCode: '没有账号？请输入工作人员告诉您的一次性验证码',
      codeLabel: '验证码',
      codePlaceholder: '6 位数字',
      codeRequired: '请输入 6 位验证码',
      useCode: '使用验证码',
      claiming: '正在打开案件…',
      retry: '重试',
      incomplete: '链接不完整，请重新扫描工作人员出示的二维码',
      wrongRole: '请使用单位经办人账号打开此链接',
      failed: '打开失败，请稍后再试',
      myUnit: '本单位的登记',
      open: '查看',
    },
    sign: {
      title: '经办人签名',
      required: '请先签名再提交',
    },
  },
  en: {
    link: {
      offerTitle: 'Employer sign-up by QR code',
      offerHint:
        'The employer scans the code with their own phone. Without an account, read them the one-time code below.',
      code: 'One-time code',
      validity: 'Valid for 24 hours, single use',
      notSyncedYet: 'Not synced yet: the link works once this tablet has synced',
      synced: 'Synced: the link can be opened now',
      regenerate: 'New QR code',
      caseStatus: 'Case status',
      openTitle: 'Unit registration',
      openIntro: 'The centre staff invite you to fill in and sign your unit registration.',
      signIn: 'Sign in with the unit account',
      orCode: 'No account? Enter the one-time code the staff member gives you',
      codeLabel: 'Code',
      codePlaceholder: '6 digits',
      codeRequired: 'Enter the 6-digit code',
      useCode: 'Use the code',
      claiming: 'Opening the case…',
      retry: 'Retry',
      incomplete: 'The link is incomplete; scan the QR code again',
      wrongRole: 'Please open this link with an employer account',
      failed: 'Could not open the case; please try again later',
      myUnit: "Your unit's registrations",
      open: 'Open',
    },
    sign: {
      title: 'Signature',
      required: 'Please sign before submitting',
    },
  },
}

/** The employer feature's messages first, then the app's (review.status.*, staff.*…). */
export function useEmployerI18n() {
  return useI18n({
    useScope: 'local',
    messages: employerLinkMessages,
    missingWarn: false,
    fallbackWarn: false,
  })
}
