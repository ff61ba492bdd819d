from piccolo.columns import (
    UUID,
    BigSerial,
    Boolean,
    ForeignKey,
    Integer,
    Timestamptz,
    Varchar,
)
from piccolo.table import Table


class Team(Table, tablename="team"):
    id = UUID(primary_key=True)
    name = Varchar(length=100, help_text="e.g. 钟山区上门服务组")


class Unit(Table, tablename="unit"):
    """An employer (单位) known to the centre; employer accounts belong to one."""

    id = UUID(primary_key=True)
    name = Varchar(length=200, help_text="单位名称")
    uscc = Varchar(length=18, null=True, default=None, help_text="统一社会信用代码")


class User(Table, tablename="app_user"):
    id = UUID(primary_key=True)
    username = Varchar(length=64, unique=True, index=True)
    display_name = Varchar(length=100)
    role = Varchar(length=20, help_text="FIELD_STAFF | SUPERVISOR | EMPLOYER | ADMIN")
    password_hash = Varchar(length=255, help_text="argon2id hash, never the password")
    team = ForeignKey(references=Team, null=True, default=None, help_text="staff's team")
    unit = ForeignKey(references=Unit, null=True, default=None, help_text="an employer's unit")
    active = Boolean(default=True)
    token_version = Integer(default=0, help_text="raised to revoke every token issued so far")
    created_at = Timestamptz()


class LoginAttempt(Table, tablename="login_attempt"):
    """Recent sign-in attempts, for throttling across app processes."""

    username = Varchar(length=64, index=True)
    address = Varchar(length=64, index=True, help_text="client IP address")
    succeeded = Boolean(default=False)
    at = Timestamptz(index=True)


class DeviceRevocation(Table, tablename="device_revocation"):
    """A device (one sync client id) an administrator or supervisor has cut off.

    Its next push is still accepted once (to save the work on it); after that every push
    and pull answers ``DEVICE_REVOKED`` and the device wipes its local data.
    """

    client_id = Varchar(length=64, primary_key=True)
    user_id = UUID(index=True, help_text="the device's owner")
    revoked_by = UUID(help_text="who revoked it")
    revoked_at = Timestamptz()
    final_push_at = Timestamptz(
        null=True, default=None, help_text="when the one push allowed after revocation came"
    )


class DeviceClient(Table, tablename="device_client"):
    """Which sync client ids a signed-in device (the ``dev`` claim of its tokens) has used.

    Revoking a client id revokes every device session that used it, and a device session
    that uses a revoked client id is revoked too (a new sign-in on a lost tablet).
    """

    client_id = Varchar(length=64, index=True)
    device_id = Varchar(length=64, index=True)
    user_id = UUID(index=True)
    first_seen = Timestamptz()
    last_seen = Timestamptz(
        null=True, default=None, help_text="the device's last push or pull with this client id"
    )


class RevokedDeviceSession(Table, tablename="revoked_device_session"):
    """A device session whose tokens are refused with ``DEVICE_REVOKED`` on every path."""

    device_id = Varchar(length=64, primary_key=True)
    user_id = UUID(index=True)
    client_id = Varchar(length=64, help_text="the revoked sync client id it used")
    revoked_at = Timestamptz()


class AuditEntry(Table, tablename="audit_entry"):
    """Append-only: who saw or did what sensitive thing, when, from which device.

    Only ever inserted (``queries.append_audit``); nothing updates or deletes rows.
    """

    id = BigSerial(primary_key=True)
    at = Timestamptz(index=True)
    actor_id = UUID(index=True)
    actor_name = Varchar(length=64)
    device = Varchar(length=64, null=True, default=None, help_text="X-Device-Id / client id")
    action = Varchar(length=40, help_text="e.g. view_full_identity")
    case_id = UUID(null=True, default=None, index=True)
    detail = Varchar(length=200, default="")
