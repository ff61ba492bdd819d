from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.columns.column_types import Timestamptz

ID = "2026-12-06T22:19:59:300091"
VERSION = "1.38.0"
DESCRIPTION = "index document_reading.updated_at (recent OCR throughput for ocrQueue)"


async def forwards():
    manager = MigrationManager(
        migration_id=ID, app_name="documents", description=DESCRIPTION
    )

    manager.alter_column(
        table_class_name="DocumentReading",
        tablename="document_reading",
        column_name="updated_at",
        db_column_name="updated_at",
        params={"index": True},
        old_params={"index": False},
        column_class=Timestamptz,
        old_column_class=Timestamptz,
        schema=None,
    )

    return manager
