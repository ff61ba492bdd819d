from pathlib import Path

from piccolo.conf.apps import AppConfig

from backend.assessment.tables import (
    AssessmentScheme,
    ManagementUnit,
    ManualScore,
    StaffEmployment,
)

APP_CONFIG = AppConfig(
    app_name="assessment",
    migrations_folder_path=str(Path(__file__).parent / "piccolo_migrations"),
    table_classes=[AssessmentScheme, ManualScore, ManagementUnit, StaffEmployment],
    migration_dependencies=[],
    commands=[],
)
