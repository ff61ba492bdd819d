from pathlib import Path

from piccolo.conf.apps import AppConfig

from backend.accounts.tables import AuditEntry, DeviceRevocation, LoginAttempt, Team, Unit, User

APP_CONFIG = AppConfig(
    app_name="accounts",
    migrations_folder_path=str(Path(__file__).parent / "piccolo_migrations"),
    table_classes=[Team, Unit, User, LoginAttempt, DeviceRevocation, AuditEntry],
    migration_dependencies=[],
    commands=[],
)
