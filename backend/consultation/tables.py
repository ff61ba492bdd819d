"""Tables of consultation and feedback: questions on every channel, feedback, routing, ratings."""

from piccolo.columns import UUID, Boolean, Integer, Text, Timestamptz, Varchar
from piccolo.table import Table


class Consultation(Table, tablename="consultation"):
    """A member's question: asked online (with a ticket) or logged by hotline, window or
    visit staff."""

    id = UUID(primary_key=True)
    channel = Varchar(length=10, help_text="online | hotline | window | visit")
    status = Varchar(length=12, index=True, help_text="open | in_progress | answered")
    question = Text(
        help_text="the question, markup stripped (personal numbers kept; masked when listed)"
    )
    normalised = Text(default="", help_text="question folded for similarity (consistency report)")
    contact = Varchar(
        length=64, default="", help_text="phone or e-mail the member gave; never listed in clear"
    )
    ticket_hash = Varchar(
        length=64,
        null=True,
        default=None,
        unique=True,
        help_text="sha256 of the member's ticket (online only); the ticket itself is never stored",
    )
    assignee_id = UUID(
        null=True, default=None, index=True, help_text="staff who took it from the queue"
    )
    answer = Text(default="")
    article_id = UUID(null=True, default=None, help_text="kb_article.id cited by the answer")
    article_version = Integer(null=True, default=None, help_text="the version cited")
    article_title = Varchar(length=200, default="")
    cited_passage = Text(
        default="", help_text="the passage of the cited version shown to the member"
    )
    knowledge_gap = Boolean(default=False, help_text="answered without an article: for the editors")
    answered_by = UUID(null=True, default=None, help_text="app_user.id who answered or logged it")
    created_at = Timestamptz(index=True)
    answered_at = Timestamptz(null=True, default=None)
    push_endpoint = Text(
        default="", help_text="the member's Web Push endpoint, if they allowed push"
    )
    push_p256dh = Varchar(length=128, default="")
    push_auth = Varchar(length=64, default="")


class Feedback(Table, tablename="feedback"):
    """A member's or employer's feedback, routed to the owning department's queue."""

    id = UUID(primary_key=True)
    category = Varchar(
        length=24, help_text="process_cumbersome | too_slow | … (models.FeedbackCategory)"
    )
    process = Varchar(
        length=10, default="", help_text="business process: 缴存 | 提取 | 贷款 | 转移 | 其他"
    )
    text = Text(help_text="markup stripped")
    channel = Varchar(length=10, help_text="online | hotline | window | visit")
    case_id = UUID(null=True, default=None, index=True, help_text="case_file.id it is about")
    contact = Varchar(length=64, default="")
    department = Varchar(length=24, index=True, help_text="owning department (routing at filing)")
    routing_version = Integer(default=0, help_text="feedback_routing version used; 0 = built-in")
    status = Varchar(length=12, index=True, help_text="open | in_progress | resolved")
    response = Text(default="")
    responded_by = UUID(null=True, default=None)
    responded_at = Timestamptz(null=True, default=None)
    assignee_id = UUID(
        null=True, default=None, index=True, help_text="department handler working on it"
    )
    filed_by = UUID(
        null=True, default=None, index=True, help_text="app_user.id; null when filed publicly"
    )
    ticket_hash = Varchar(
        length=64, null=True, default=None, unique=True, help_text="sha256 of the filer's ticket"
    )
    created_at = Timestamptz(index=True)
    updated_at = Timestamptz()


class FeedbackEvent(Table, tablename="feedback_event"):
    """Append-only history of a feedback item (filed, responded, handed over)."""

    id = UUID(primary_key=True)
    feedback_id = UUID(index=True)
    at = Timestamptz()
    actor_id = UUID(null=True, default=None)
    action = Varchar(length=20, help_text="filed | responded | handed_over")
    status = Varchar(length=12)
    note = Text(default="")


class FeedbackRouting(Table, tablename="feedback_routing"):
    """Versioned routing (admin setting): each version is a full map category → department."""

    id = UUID(primary_key=True)
    version = Integer(unique=True, help_text="1, 2, 3…; the highest is in force")
    routes = Text(help_text="JSON object category → department")
    set_by = UUID(help_text="app_user.id of the admin")
    set_at = Timestamptz()
    note = Text(default="")


class SatisfactionRating(Table, tablename="satisfaction_rating"):
    """A 1–5 rating after a visit or an answered consultation (read by the assessment)."""

    id = UUID(primary_key=True)
    subject_kind = Varchar(length=14, help_text="visit | consultation")
    subject_id = UUID(help_text="the visit or consultation rated; unique with subject_kind")
    staff_id = UUID(null=True, default=None, index=True, help_text="app_user.id who served")
    rating = Integer(help_text="1–5")
    comment = Text(default="")
    created_at = Timestamptz(index=True)


class DepartmentMember(Table, tablename="department_member"):
    """Who works in a business department (业务科室): they see and answer its feedback queue.

    An admin setting; one row per (department, user), checked by the service."""

    id = UUID(primary_key=True)
    department = Varchar(length=24, index=True, help_text="models.Department")
    user_id = UUID(index=True, help_text="app_user.id (staff)")
    added_by = UUID(help_text="app_user.id of the admin")
    added_at = Timestamptz()


class DutyShift(Table, tablename="duty_shift"):
    """A 在线客服 shift: the staff member answers the online queue from ``starts_at`` to
    ``ends_at``. Set by supervisors and admins; members see only when someone is on duty."""

    id = UUID(primary_key=True)
    user_id = UUID(index=True, help_text="app_user.id on duty")
    starts_at = Timestamptz(index=True)
    ends_at = Timestamptz(index=True)
    set_by = UUID(help_text="app_user.id of the supervisor or admin")
    set_at = Timestamptz()
