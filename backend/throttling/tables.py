from piccolo.columns import Integer, Timestamptz, Varchar
from piccolo.table import Table


class RateWindow(Table, tablename="rate_window"):
    """One fixed window of one limit for one subject (an address, a phone number)."""

    bucket = Varchar(
        length=100,
        unique=True,
        help_text="action:subject kind:sha256(subject)[:32]:window start (never the subject)",
    )
    hits = Integer(default=0, help_text="requests counted in this window")
    expires_at = Timestamptz(index=True, help_text="when the window is over and can be deleted")
