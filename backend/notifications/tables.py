"""Tables of the notifications domain: the inbox, push subscriptions, push deliveries."""

from piccolo.columns import UUID, ForeignKey, Integer, Text, Timestamptz, Varchar
from piccolo.columns.base import OnDelete
from piccolo.table import Table


class Notification(Table, tablename="notification"):
    """One inbox entry of one user; the inbox is the outbox's durable record."""

    id = UUID(primary_key=True)
    user_id = UUID(index=True, help_text="app_user.id of the recipient")
    kind = Varchar(length=32, help_text="case_returned | risk_flagged | case_approved | …")
    title = Varchar(length=100)
    body = Text(help_text="short text, ID numbers already masked")
    case_id = UUID(null=True, default=None, help_text="case_file.id the notification is about")
    created_at = Timestamptz(index=True)
    read_at = Timestamptz(null=True, default=None)
    version = Integer(default=1, help_text="raised on every change; the sync change version")


class PushSubscription(Table, tablename="push_subscription"):
    """A browser's PushSubscription (one per device and origin), owned by one user."""

    id = UUID(primary_key=True)
    user_id = UUID(index=True, help_text="app_user.id who registered it")
    endpoint = Text(unique=True, help_text="push service URL the browser gave us")
    p256dh = Varchar(length=128, help_text="browser's P-256 public key, base64url")
    auth = Varchar(length=64, help_text="browser's 16-byte auth secret, base64url")
    created_at = Timestamptz()
    last_success_at = Timestamptz(null=True, default=None)


class PushDelivery(Table, tablename="push_delivery"):
    """One notification sent to one subscription: attempts, last answer, outcome."""

    id = UUID(primary_key=True)
    notification = ForeignKey(references=Notification, on_delete=OnDelete.cascade)
    subscription = ForeignKey(
        references=PushSubscription,
        null=True,
        default=None,
        on_delete=OnDelete.set_null,
        help_text="null once the push service said the subscription is gone",
    )
    status = Varchar(
        length=20, default="pending", help_text="pending | delivered | gone | rejected | failed"
    )
    attempts = Integer(default=0)
    last_status = Integer(null=True, default=None, help_text="HTTP status of the last attempt")
    last_error = Text(default="")
    created_at = Timestamptz()
    finished_at = Timestamptz(null=True, default=None)
