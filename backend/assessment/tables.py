"""Tables of the assessment domain (考核). JSON columns are Text holding JSON."""

from piccolo.columns import UUID, Date, Float, Integer, Serial, Text, Timestamptz, Varchar
from piccolo.table import Table


class AssessmentScheme(Table, tablename="assessment_scheme"):
    """Versions of the scheme, appended and never edited (who changed what, when)."""

    id = Serial(primary_key=True)
    version = Integer(unique=True)
    effective_from = Date(help_text="first day this version applies to")
    scheme = Text(help_text="JSON: indicators with weights and bands")
    changed_by = UUID(help_text="app_user.id of the admin")
    changed_at = Timestamptz()


class ManualScore(Table, tablename="assessment_manual_score"):
    """A supervisor's points for a manual indicator (append-only: the latest counts)."""

    id = Serial(primary_key=True)
    user_id = UUID(index=True, help_text="the staff member scored")
    month = Varchar(length=7, index=True, help_text="YYYY-MM")
    key = Varchar(length=40)
    points = Float()
    reason = Text()
    scored_by = UUID(help_text="app_user.id of the supervisor or admin")
    scored_at = Timestamptz()


class ManagementUnit(Table, tablename="assessment_unit"):
    """A management department (管理部) staff belong to for assessment."""

    id = UUID(primary_key=True)
    name = Varchar(length=100, unique=True)


class StaffEmployment(Table, tablename="assessment_staff"):
    """Who employs a staff member (the centre or an entrusted bank), their 管理部 and contract."""

    user_id = UUID(primary_key=True)
    unit_id = UUID(null=True, default=None, index=True, help_text="assessment_unit.id")
    employer = Varchar(length=100, default="中心", help_text="中心 or the bank's name")
    contract_end = Date(null=True, default=None)
