"""Tables of the sync server: clients, the change log, rejected mutations, log metadata."""

from piccolo.columns import UUID, BigSerial, Boolean, Integer, Text, Timestamptz, Varchar
from piccolo.table import Table


class SyncClient(Table, tablename="sync_client"):
    """One device database; its mutation counter advances with each processed mutation."""

    client_id = Varchar(length=64, primary_key=True)
    user_id = UUID(index=True, help_text="the one user this client id belongs to")
    last_mutation_id = Integer(default=0)
    created_at = Timestamptz()
    updated_at = Timestamptz()


class SyncChange(Table, tablename="sync_change"):
    """The ordered change log pull reads after a cursor.

    The audience columns say who receives the change: the users named, a supervisor of the
    team, an employer of the unit, every staff member who sees all (admins), or everyone.
    """

    seq = BigSerial(primary_key=True)
    entity = Varchar(length=32)
    entity_id = Varchar(length=64, index=True)
    op = Varchar(length=8, help_text="put | delete")
    version = Integer()
    data = Text(null=True, default=None, help_text="JSON of the entity, null for delete")
    at = Timestamptz()
    aud_user1 = UUID(null=True, default=None, index=True)
    aud_user2 = UUID(null=True, default=None, index=True)
    aud_team = UUID(null=True, default=None, index=True)
    aud_unit = UUID(null=True, default=None, index=True)
    aud_all = Boolean(default=False, help_text="admins, who see every case")
    aud_public = Boolean(default=False, help_text="every signed-in user (knowledge base)")


class SyncRejection(Table, tablename="sync_rejection"):
    """A rejected mutation and why: the queue moved on, the reason stays."""

    client_id = Varchar(length=64, index=True)
    mutation_id = Integer()
    name = Varchar(length=64)
    args = Text(help_text="JSON as pushed")
    code = Varchar(length=40)
    message = Text()
    field = Varchar(length=64, null=True, default=None)
    at = Timestamptz()


class SyncMeta(Table, tablename="sync_meta"):
    """Log identity (epoch) and the lowest sequence still kept (floor) after compaction."""

    key = Varchar(length=32, primary_key=True)
    value = Varchar(length=64)
