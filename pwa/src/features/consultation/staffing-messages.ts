import { useI18n } from 'vue-i18n'

// Texts of the 在线客服 roster and department membership pages (local to these components).
export const staffingMessages = {
  'zh-CN': {
    roster: {
      intro: '在线客服由值班人员答复网上咨询；不在值班的员工只能查看。',
      upcoming: '未来 7 天的班次',
      empty: '未来 7 天没有排班',
      add: '新增班次',
      person: '值班人员',
      choose: '请选择',
      day: '日期',
      start: '开始',
      end: '结束',
      save: '添加班次',
      saved: '已添加班次',
      remove: '删除',
      removeConfirm: '确定删除这个班次吗？',
      removed: '已删除班次',
      required: '请选择值班人员并填写日期和时间',
      readOnly: '排班由审核主管或管理员安排。',
    },
    departments: {
      intro: '科室成员处理本科室的意见反馈。',
      members: '成员',
      none: '暂无成员',
      mine: '我所在的科室',
      edit: '设置成员',
      save: '保存成员',
      saved: '已保存',
      readOnly: '科室成员由管理员设置。',
    },
  },
  en: {
    roster: {
      intro: 'Staff on duty answer the online questions; others can only look.',
      upcoming: 'Shifts in the next 7 days',
      empty: 'No shifts in the next 7 days',
      add: 'New shift',
      person: 'Staff member',
      choose: 'Choose',
      day: 'Date',
      start: 'Start',
      end: 'End',
      save: 'Add shift',
      saved: 'Shift added',
      remove: 'Remove',
      removeConfirm: 'Remove this shift?',
      removed: 'Shift removed',
      required: 'Choose a staff member and fill in the date and times',
      readOnly: 'Supervisors and admins set the roster.',
    },
    departments: {
      intro: "A department's members handle its feedback.",
      members: 'Members',
      none: 'No members',
      mine: 'My department',
      edit: 'Set members',
      save: 'Save members',
      saved: 'Saved',
      readOnly: 'Admins set the members.',
    },
  },
}

export function useStaffingI18n() {
  return useI18n({
    useScope: 'local',
    messages: staffingMessages,
    missingWarn: false,
    fallbackWarn: false,
  })
}
