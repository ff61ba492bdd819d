from pathlib import Path

from piccolo.conf.apps import AppConfig

from backend.documents.tables import DocumentReading

APP_CONFIG = AppConfig(
    app_name="documents",
    migrations_folder_path=str(Path(__file__).parent / "piccolo_migrations"),
    table_classes=[DocumentReading],
    migration_dependencies=[],
    commands=[],
)
