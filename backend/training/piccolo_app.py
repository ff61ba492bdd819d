from pathlib import Path

from piccolo.conf.apps import AppConfig

from backend.training.tables import Drill, DrillAttempt, PolicyAcknowledgement, PolicyCheck

APP_CONFIG = AppConfig(
    app_name="training",
    migrations_folder_path=str(Path(__file__).parent / "piccolo_migrations"),
    table_classes=[Drill, DrillAttempt, PolicyCheck, PolicyAcknowledgement],
    migration_dependencies=[],
    commands=[],
)
