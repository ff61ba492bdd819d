"""The one catalogue of expected failures: stable codes and the Chinese text users see.

Domain code raises :class:`DoorstepError`; transports (GraphQL, tus uploads, the CLI) map
it in one place each. Codes never change meaning; add new ones at the end of a family.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any


class ErrorCode(StrEnum):
    # Request and authentication
    BAD_REQUEST = "BAD_REQUEST"
    UNAUTHENTICATED = "UNAUTHENTICATED"
    FORBIDDEN = "FORBIDDEN"
    NOT_FOUND = "NOT_FOUND"
    INVALID_CREDENTIALS = "INVALID_CREDENTIALS"
    TOO_MANY_ATTEMPTS = "TOO_MANY_ATTEMPTS"
    ACCOUNT_DISABLED = "ACCOUNT_DISABLED"
    QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX"
    VALIDATION_FAILED = "VALIDATION_FAILED"
    CONFLICT = "CONFLICT"
    INTERNAL_ERROR = "INTERNAL_ERROR"
    UNKNOWN_FIELD = "UNKNOWN_FIELD"
    # Sync
    PROTOCOL_OUTDATED = "PROTOCOL_OUTDATED"
    OUT_OF_ORDER = "OUT_OF_ORDER"
    UNKNOWN_MUTATOR = "UNKNOWN_MUTATOR"
    INVALID_STATE = "INVALID_STATE"
    DEVICE_REVOKED = "DEVICE_REVOKED"
    # Uploads and documents
    UPLOAD_TOO_LARGE = "UPLOAD_TOO_LARGE"
    UPLOAD_HASH_MISMATCH = "UPLOAD_HASH_MISMATCH"
    UPLOAD_INCOMPLETE = "UPLOAD_INCOMPLETE"
    UNSUPPORTED_FILE = "UNSUPPORTED_FILE"
    IMAGE_UNREADABLE = "IMAGE_UNREADABLE"
    UPLOAD_EXPIRED = "UPLOAD_EXPIRED"
    DOCUMENT_READ_FAILED = "DOCUMENT_READ_FAILED"
    # Notifications
    PUSH_ENDPOINT_INVALID = "PUSH_ENDPOINT_INVALID"
    PUSH_KEYS_INVALID = "PUSH_KEYS_INVALID"
    # Employer links (the QR code staff show on site)
    LINK_NOT_SYNCED = "LINK_NOT_SYNCED"
    LINK_CODE_WRONG = "LINK_CODE_WRONG"
    LINK_USED = "LINK_USED"
    LINK_EXPIRED = "LINK_EXPIRED"
    # Public (no-account) pages
    RATE_LIMITED = "RATE_LIMITED"
    PHONE_RATE_LIMITED = "PHONE_RATE_LIMITED"  # one phone number, whatever the address
    # Consultation and feedback (public text input)
    TEXT_TOO_LONG = "TEXT_TOO_LONG"
    TEXT_NOT_PLAIN = "TEXT_NOT_PLAIN"
    NOT_ON_DUTY = "NOT_ON_DUTY"  # the online queue is for staff on 在线客服 duty now
    # Shared-data verification (数据共享核验)
    REGISTRY_PURPOSE_REQUIRED = "REGISTRY_PURPOSE_REQUIRED"
    REGISTRY_CONSENT_MISSING = "REGISTRY_CONSENT_MISSING"
    # Visits and handover (预约上门 · 业务衔接)
    VISIT_DATE_IN_PAST = "VISIT_DATE_IN_PAST"
    VISIT_SLOT_FULL = "VISIT_SLOT_FULL"
    HANDOVER_DEVICES_PENDING = "HANDOVER_DEVICES_PENDING"


DEFAULT_MESSAGES: dict[ErrorCode, str] = {
    ErrorCode.BAD_REQUEST: "请求格式不正确。",
    ErrorCode.UNAUTHENTICATED: "请先登录。",
    ErrorCode.FORBIDDEN: "您没有权限进行此操作。",
    ErrorCode.NOT_FOUND: "找不到该记录。",
    ErrorCode.INVALID_CREDENTIALS: "用户名或密码错误。",
    ErrorCode.TOO_MANY_ATTEMPTS: "登录失败次数过多，请稍后再试。",
    ErrorCode.ACCOUNT_DISABLED: "该账号已停用，请联系管理员。",
    ErrorCode.QUERY_TOO_COMPLEX: "查询过于复杂，请缩小范围。",
    ErrorCode.VALIDATION_FAILED: "填写的内容有误，请检查。",
    ErrorCode.CONFLICT: "数据已被修改，请刷新后重试。",
    ErrorCode.INTERNAL_ERROR: "系统内部错误，请稍后再试。",
    ErrorCode.UNKNOWN_FIELD: "包含系统不认识的字段。",
    ErrorCode.PROTOCOL_OUTDATED: "应用版本过旧，请更新应用后再同步。",
    ErrorCode.OUT_OF_ORDER: "同步顺序有误，将从正确位置重新发送。",
    ErrorCode.UNKNOWN_MUTATOR: "不支持的操作类型。",
    ErrorCode.INVALID_STATE: "当前状态下不能进行此操作。",
    ErrorCode.DEVICE_REVOKED: "此设备已被停用，本机数据将被清除，请联系主管。",
    ErrorCode.UPLOAD_TOO_LARGE: "文件太大，无法上传。",
    ErrorCode.UPLOAD_HASH_MISMATCH: "文件校验失败，请重新上传。",
    ErrorCode.UPLOAD_INCOMPLETE: "文件尚未上传完成。",
    ErrorCode.UNSUPPORTED_FILE: "不支持的文件类型，请上传照片（JPEG/PNG）或 PDF。",
    ErrorCode.IMAGE_UNREADABLE: "无法读取该图片，请重新拍摄。",
    ErrorCode.UPLOAD_EXPIRED: "上传已过期，请重新上传。",
    ErrorCode.DOCUMENT_READ_FAILED: "材料多次识别失败，请人工查看原件。",
    ErrorCode.PUSH_ENDPOINT_INVALID: "推送地址无效，无法开启消息推送。",
    ErrorCode.PUSH_KEYS_INVALID: "推送密钥无效，请重新开启消息推送。",
    ErrorCode.LINK_NOT_SYNCED: "工作人员的平板尚未同步此案件，请稍后再试",
    ErrorCode.LINK_CODE_WRONG: "验证码不正确，请核对工作人员告诉您的验证码。",
    ErrorCode.LINK_USED: "此二维码已被使用，请让工作人员重新生成。",
    ErrorCode.LINK_EXPIRED: "此二维码已过期，请让工作人员重新生成。",
    ErrorCode.RATE_LIMITED: "提交过于频繁，请稍后再试。",
    ErrorCode.PHONE_RATE_LIMITED: "该手机号今日提交次数已达上限，请明天再试或拨打 12329 热线。",
    ErrorCode.TEXT_TOO_LONG: "内容太长，请精简后再提交。",
    ErrorCode.TEXT_NOT_PLAIN: "内容含有无法识别的字符，请只输入文字。",
    ErrorCode.NOT_ON_DUTY: "您现在不在在线客服值班，不能接待网上咨询，请查看值班表。",
    ErrorCode.REGISTRY_PURPOSE_REQUIRED: "请填写查询用途（2 到 200 个字）。",
    ErrorCode.REGISTRY_CONSENT_MISSING: "查询征信须有申请人的签字授权，本案尚无已上传的签名。",
    ErrorCode.VISIT_DATE_IN_PAST: "日期不能早于今天，请重新选择。",
    ErrorCode.VISIT_SLOT_FULL: "该时段已约满，请选择其他时段或日期。",
    ErrorCode.HANDOVER_DEVICES_PENDING: "移交人的设备尚有未同步的工作，请先让其同步或导出。",
}


class DoorstepError(Exception):
    """An expected failure with a stable code and a message a user can act on."""

    def __init__(
        self,
        code: ErrorCode,
        message: str | None = None,
        *,
        field: str | None = None,
        details: dict[str, Any] | None = None,
    ) -> None:
        self.code = code
        self.message = message or DEFAULT_MESSAGES[code]
        self.field = field
        self.details = details or {}
        super().__init__(f"{code}: {self.message}")

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"code": str(self.code), "message": self.message}
        if self.field:
            data["field"] = self.field
        if self.details:
            data["details"] = self.details
        return data


class ConfigurationError(Exception):
    """Settings are missing or invalid; raised at start, printed as is."""
