"""Tables of the cases domain. JSON columns are Text holding JSON written by this domain."""

from piccolo.columns import UUID, Integer, Serial, Text, Timestamptz, Varchar
from piccolo.table import Table


class Case(Table, tablename="case_file"):  # "case" is an SQL keyword
    id = UUID(primary_key=True, help_text="chosen by the device that creates the case")
    kind = Varchar(length=32, help_text="withdrawal | unit_registration")
    status = Varchar(length=20, index=True, help_text="draft … approved | returned")
    fields = Text(default="{}", help_text="JSON object: field key → value")
    field_meta = Text(default="{}", help_text="JSON: field key → {v: case version, c: client}")
    conflicts = Text(default="[]", help_text="JSON list of overwritten values, newest last")
    version = Integer(default=1, help_text="raised by every change; the sync change version")
    creator = UUID(index=True, help_text="app_user.id of whoever created the case")
    assignee = UUID(null=True, default=None, index=True, help_text="app_user.id working on it")
    team = UUID(null=True, default=None, index=True, help_text="team.id whose supervisor reviews")
    unit = UUID(null=True, default=None, index=True, help_text="unit.id (registration cases)")
    created_at = Timestamptz()
    updated_at = Timestamptz()


class CaseHistory(Table, tablename="case_history"):
    """Append-only: every state change of a case (never updated or deleted)."""

    id = Serial(primary_key=True)
    case_id = UUID(index=True)
    at = Timestamptz()
    actor = UUID(help_text="app_user.id")
    actor_name = Varchar(length=64, help_text="username at the time")
    client_id = Varchar(length=64, null=True, default=None, help_text="sync client or device")
    action = Varchar(length=32, help_text="create | submit | approve | return | assign")
    from_status = Varchar(length=20, null=True, default=None)
    to_status = Varchar(length=20, null=True, default=None)
    reason = Text(null=True, default=None)


class CaseDocument(Table, tablename="case_document"):
    id = UUID(primary_key=True, help_text="chosen by the device")
    case_id = UUID(index=True)
    doc_type = Varchar(length=40, null=True, default=None, help_text="None until classified")
    sha256 = Varchar(length=64, index=True, help_text="hex digest of the uploaded file")
    status = Varchar(length=20, help_text="pending_upload | uploaded")
    fields = Text(default="{}", help_text="JSON: fields read from the document")
    checks = Text(default="[]", help_text="JSON list of checks {code severity field message}")
    version = Integer(default=1)
    created_at = Timestamptz()


class EmployerLink(Table, tablename="employer_link"):
    """A claim link for one registration case, offered by staff on site (QR code + code).

    The tablet draws a random secret and a short code; only their SHA-256 digests travel
    (by sync) and are kept here. Claimed once, by one unit (``backend.claims.links``).
    """

    id = UUID(primary_key=True, help_text="chosen by the tablet")
    case_id = UUID(index=True)
    token_hash = Varchar(length=64, unique=True, help_text="sha256(secret) hex")
    code_hash = Varchar(length=64, help_text="sha256(secret + ':' + code) hex")
    offered_by = UUID(help_text="app_user.id of the staff member who showed it")
    offered_at = Timestamptz(help_text="when it reached the server")
    expires_at = Timestamptz()
    failed_attempts = Integer(default=0, help_text="wrong one-time codes so far")
    claimed_at = Timestamptz(null=True, default=None)
    claimed_unit = UUID(null=True, default=None, help_text="unit.id the case joined")
    claimed_by = UUID(null=True, default=None, help_text="app_user.id who claimed it")
