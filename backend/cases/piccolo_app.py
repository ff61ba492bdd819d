from pathlib import Path

from piccolo.conf.apps import AppConfig

from backend.cases.tables import Case, CaseDocument, CaseHistory, EmployerLink

APP_CONFIG = AppConfig(
    app_name="cases",
    migrations_folder_path=str(Path(__file__).parent / "piccolo_migrations"),
    table_classes=[Case, CaseHistory, CaseDocument, EmployerLink],
    migration_dependencies=[],
    commands=[],
)
