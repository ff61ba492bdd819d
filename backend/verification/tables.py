"""Tables of the verification domain. JSON columns are Text holding JSON written here."""

from piccolo.columns import UUID, Date, Serial, Text, Timestamptz, Varchar
from piccolo.table import Table


class PolicyValue(Table, tablename="policy_value"):
    """Append-only: a new row for a key supersedes the older ones from its effective date."""

    id = Serial(primary_key=True)
    key = Varchar(length=80, index=True, help_text="e.g. materials.withdrawal.06")
    value = Text(help_text="JSON value, checked against the key's spec when written")
    effective_from = Date(index=True, help_text="applies to cases submitted on or after")
    source = Text(help_text="where the rule comes from; assumptions say so")
    created_by = Varchar(length=64, help_text="username of the admin, or 'system' for defaults")
    created_at = Timestamptz()


class PhotoFingerprint(Table, tablename="photo_fingerprint"):
    """Perceptual hash of an uploaded photo, by the blob's sha256 (one per content)."""

    sha256 = Varchar(length=64, primary_key=True, help_text="hex digest of the uploaded file")
    photo_hash = Varchar(length=128, help_text="hex pHash (see verification.images)")
    created_at = Timestamptz()


class PropertyFingerprint(Table, tablename="property_fingerprint"):
    """The homes a verified case relies on, in normal form, to find other cases using them."""

    id = Serial(primary_key=True)
    case_id = UUID(index=True)
    address_key = Varchar(length=255, index=True, help_text="verification.normalise.address")


class CaseFlags(Table, tablename="case_flags"):
    """The latest verification of a case: its flags, the policy date used, the document
    checks seen then (so the next run tells only what is new) and the case's risk level."""

    case_id = UUID(primary_key=True)
    flags = Text(default="[]", help_text="JSON list of flags {code severity field message …}")
    checks = Text(
        default="[]", help_text="JSON: the case's document checks when it was last verified"
    )
    risk = Varchar(
        length=16,
        default="none",
        index=True,
        help_text="highest severity of flags and checks: none, warning or error",
    )
    policy_on = Date(help_text="the submission date whose policy was applied")
    verified_at = Timestamptz()
