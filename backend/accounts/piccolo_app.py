from pathlib import Path

from piccolo.conf.apps import AppConfig

from backend.accounts.tables import (
    AuditEntry,
    DeviceClient,
    DeviceRevocation,
    LoginAttempt,
    RevokedDeviceSession,
    Team,
    Unit,
    User,
)

APP_CONFIG = AppConfig(
    app_name="accounts",
    migrations_folder_path=str(Path(__file__).parent / "piccolo_migrations"),
    table_classes=[
        Team,
        Unit,
        User,
        LoginAttempt,
        DeviceRevocation,
        DeviceClient,
        RevokedDeviceSession,
        AuditEntry,
    ],
    migration_dependencies=[],
    commands=[],
)
