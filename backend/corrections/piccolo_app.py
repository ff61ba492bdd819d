from pathlib import Path

from piccolo.conf.apps import AppConfig

from backend.corrections.tables import FieldCorrection

APP_CONFIG = AppConfig(
    app_name="corrections",
    migrations_folder_path=str(Path(__file__).parent / "piccolo_migrations"),
    table_classes=[FieldCorrection],
    migration_dependencies=[],
    commands=[],
)
