"""Tables of the visits domain: visits, staff areas, outreach companies, handovers."""

from piccolo.columns import UUID, Date, Integer, Text, Timestamptz, Varchar
from piccolo.table import Table


class Visit(Table, tablename="visit"):
    """One requested or planned home / company visit."""

    id = UUID(primary_key=True)
    ticket = Varchar(length=40, unique=True, help_text="secret of the requester's status link")
    kind = Varchar(length=32, help_text="withdrawal | unit_registration")
    channel = Varchar(length=16, help_text="public | hotline | window | outreach")
    name = Varchar(length=100)
    phone = Varchar(length=20)
    address = Varchar(length=200)
    note = Text(default="")
    preferred_date = Date(null=True, default=None)
    status = Varchar(length=16, help_text="requested | scheduled | done | missed | cancelled")
    assignee = UUID(null=True, default=None, index=True, help_text="app_user.id")
    team_id = UUID(null=True, default=None, index=True)
    scheduled_for = Date(null=True, default=None, index=True)
    slot = Varchar(length=16, null=True, default=None, help_text="am | pm")
    case_id = UUID(null=True, default=None, help_text="case_file.id started from the visit")
    company_id = UUID(null=True, default=None, help_text="outreach_company.id (走进企业)")
    outcome = Varchar(length=16, null=True, default=None)
    outcome_note = Text(default="")
    outcome_at = Timestamptz(null=True, default=None)
    outcome_location = Text(null=True, default=None, help_text="JSON {lat, lng, accuracy}")
    entered_by = UUID(null=True, default=None, help_text="staff who entered it for a caller")
    created_at = Timestamptz()
    updated_at = Timestamptz()
    version = Integer(default=1)


class StaffArea(Table, tablename="visit_staff_area"):
    """An area (district, street) a field worker covers; dispatch suggests by it."""

    id = UUID(primary_key=True)
    user_id = UUID(index=True)
    area = Varchar(length=50)


class OutreachCompany(Table, tablename="outreach_company"):
    """A company that should have registered (走进企业宣传), from an imported list."""

    id = UUID(primary_key=True)
    batch = Varchar(length=50, index=True)
    name = Varchar(length=200)
    uscc = Varchar(length=18, null=True, default=None)
    address = Varchar(length=200)
    contact = Varchar(length=100, default="")
    phone = Varchar(length=20, default="")
    visit_id = UUID(null=True, default=None)
    imported_at = Timestamptz()


class Handover(Table, tablename="visit_handover"):
    """One handover (业务衔接) of a person's open work to another."""

    id = UUID(primary_key=True)
    from_user = UUID(index=True)
    to_user = UUID()
    actor = UUID()
    reason = Text()
    at = Timestamptz()
    counts = Text(default="{}", help_text="JSON {step: items moved}")
    version = Integer(default=1)


class HandoverDevice(Table, tablename="visit_handover_device"):
    """A device of the leaving person at handover time, until its outbox is known empty."""

    id = UUID(primary_key=True)
    handover_id = UUID(index=True)
    client_id = Varchar(length=64)
    last_mutation_id = Integer(default=0, help_text="server's counter at handover time")
    state = Varchar(length=16, default="pending", help_text="pending | synced | exported")
    settled_at = Timestamptz(null=True, default=None)
