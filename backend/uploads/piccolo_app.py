from pathlib import Path

from piccolo.conf.apps import AppConfig

from backend.uploads.tables import Blob, PartialUpload

APP_CONFIG = AppConfig(
    app_name="uploads",
    migrations_folder_path=str(Path(__file__).parent / "piccolo_migrations"),
    table_classes=[Blob, PartialUpload],
    migration_dependencies=["backend.accounts.piccolo_app"],
    commands=[],
)
