from pathlib import Path

from piccolo.conf.apps import AppConfig

from backend.throttling.tables import RateWindow

APP_CONFIG = AppConfig(
    app_name="throttling",
    migrations_folder_path=str(Path(__file__).parent / "piccolo_migrations"),
    table_classes=[RateWindow],
    migration_dependencies=[],
    commands=[],
)
