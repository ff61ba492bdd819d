from pathlib import Path

from piccolo.conf.apps import AppConfig

from backend.verification.tables import (
    CaseFlags,
    PhotoFingerprint,
    PolicyValue,
    PropertyFingerprint,
)

APP_CONFIG = AppConfig(
    app_name="verification",
    migrations_folder_path=str(Path(__file__).parent / "piccolo_migrations"),
    table_classes=[PolicyValue, PhotoFingerprint, PropertyFingerprint, CaseFlags],
    migration_dependencies=[],
    commands=[],
)
