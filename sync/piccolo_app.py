from pathlib import Path

from piccolo.conf.apps import AppConfig

from sync.changelog.tables import SyncChange, SyncClient, SyncMeta, SyncRejection

APP_CONFIG = AppConfig(
    app_name="sync",
    migrations_folder_path=str(Path(__file__).parent / "piccolo_migrations"),
    table_classes=[SyncClient, SyncChange, SyncRejection, SyncMeta],
    migration_dependencies=[],
    commands=[],
)
