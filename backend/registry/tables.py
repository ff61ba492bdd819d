"""Tables of the registry domain. JSON columns are Text holding JSON written here."""

from piccolo.columns import (
    UUID,
    BigSerial,
    Boolean,
    Integer,
    Text,
    Timestamptz,
    Varchar,
)
from piccolo.table import Table


class RegistryQuery(Table, tablename="registry_query"):
    """One query of a shared-data source for a case: the audit trail (never deleted)."""

    id = UUID(primary_key=True)
    case_id = UUID(index=True)
    source = Varchar(length=20, help_text="REAL_ESTATE | MARRIAGE | HOUSING_FILING | CREDIT")
    purpose = Varchar(length=200)
    actor_id = UUID(index=True, help_text="the user, or the nil UUID for automatic checks")
    actor_name = Varchar(length=64)
    trigger = Varchar(length=16, help_text="manual | automatic")
    status = Varchar(length=16, index=True, help_text="pending | done | failed")
    at = Timestamptz(index=True, help_text="when it was asked for")
    finished_at = Timestamptz(null=True, default=None)
    attempts = Integer(default=0)
    next_attempt_at = Timestamptz(null=True, default=None)
    last_error = Varchar(length=200, default="")
    result_sha256 = Varchar(length=64, default="", help_text="hash of the normalised result")
    consent_sha256 = Varchar(length=64, default="", help_text="the signed authorisation used")


class RegistryResult(Table, tablename="registry_result"):
    """The normalised answer of a done query; deleted after the retention period."""

    query_id = UUID(primary_key=True)
    case_id = UUID(index=True)
    source = Varchar(length=20)
    result = Text(help_text="JSON: RegistryResult.to_json()")
    expires_at = Timestamptz(index=True)


class RegistryCall(Table, tablename="registry_call"):
    """Each call to a registry: health, latency, error rate and the circuit breaker."""

    id = BigSerial(primary_key=True)
    source = Varchar(length=20, index=True)
    at = Timestamptz(index=True)
    ok = Boolean()
    latency_ms = Integer()
    error = Varchar(length=200, default="")
