from enum import StrEnum


class Role(StrEnum):
    FIELD_STAFF = "FIELD_STAFF"
    SUPERVISOR = "SUPERVISOR"
    EMPLOYER = "EMPLOYER"
    ADMIN = "ADMIN"


ROLE_NAMES_ZH = {
    Role.FIELD_STAFF: "外勤人员",
    Role.SUPERVISOR: "审核主管",
    Role.EMPLOYER: "单位经办人",
    Role.ADMIN: "管理员",
}
