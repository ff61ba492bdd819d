from pathlib import Path

from piccolo.conf.apps import AppConfig

from backend.jobs.tables import Job, ScheduledTask

APP_CONFIG = AppConfig(
    app_name="jobs",
    migrations_folder_path=str(Path(__file__).parent / "piccolo_migrations"),
    table_classes=[Job, ScheduledTask],
    migration_dependencies=[],
    commands=[],
)
