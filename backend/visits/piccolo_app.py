from pathlib import Path

from piccolo.conf.apps import AppConfig

from backend.visits.tables import Handover, HandoverDevice, OutreachCompany, StaffArea, Visit

APP_CONFIG = AppConfig(
    app_name="visits",
    migrations_folder_path=str(Path(__file__).parent / "piccolo_migrations"),
    table_classes=[Visit, StaffArea, OutreachCompany, Handover, HandoverDevice],
    migration_dependencies=["backend.accounts.piccolo_app"],
    commands=[],
)
