"""Tables of the training domain. JSON columns are Text holding JSON written by this domain."""

from piccolo.columns import UUID, Boolean, Float, Integer, Serial, Text, Timestamptz, Varchar
from piccolo.table import Table


class Drill(Table, tablename="training_drill"):
    """A practice case to work: generated photos plus the answer key (known truth)."""

    id = UUID(primary_key=True)
    title = Varchar(length=200)
    source = Varchar(length=20, help_text="generated | promoted | authored")
    case_kind = Varchar(length=32, help_text="withdrawal | unit_registration")
    brief = Text(default="", help_text="案情介绍 shown to the trainee")
    key = Text(help_text="JSON answer key: fields, flags, decision, returnReason")
    photos = Text(default="[]", help_text="JSON list of {sha256, docType} (generated photos)")
    active = Boolean(default=True, index=True)
    created_by = UUID(null=True, default=None, help_text="app_user.id (None: the CLI)")
    created_at = Timestamptz()


class DrillAttempt(Table, tablename="training_attempt"):
    """One trainee working one drill through its practice case."""

    id = UUID(primary_key=True)
    drill_id = UUID(index=True)
    user_id = UUID(index=True)
    case_id = UUID(unique=True, help_text="case_file.id of the practice case")
    started_at = Timestamptz()
    answer = Text(default="{}", help_text="JSON: flags found, decision, return reason")
    finished_at = Timestamptz(null=True, default=None)
    score = Float(null=True, default=None)
    max_score = Float(null=True, default=None)
    missed = Text(default="[]", help_text="JSON list of what was missed (kind key expected given)")


class PolicyCheck(Table, tablename="training_policy_check"):
    """A knowledge article version staff must know (必知), with optional questions."""

    id = Serial(primary_key=True)
    article_id = UUID(index=True)
    version = Integer()
    questions = Text(default="[]", help_text="JSON list of {question, options, answer}")
    required_by = UUID(help_text="app_user.id who flagged it must-know")
    required_at = Timestamptz()
    due_days = Integer(default=7, help_text="days staff have to acknowledge it (on time)")


class PolicyAcknowledgement(Table, tablename="training_policy_ack"):
    """A staff member's acknowledgement of a must-know version (append-only)."""

    id = Serial(primary_key=True)
    user_id = UUID(index=True)
    article_id = UUID(index=True)
    version = Integer()
    passed = Boolean(null=True, default=None, help_text="None: the version had no questions")
    answers = Text(default="null", help_text="JSON: the answers given")
    at = Timestamptz()
