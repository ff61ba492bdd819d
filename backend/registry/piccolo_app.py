from pathlib import Path

from piccolo.conf.apps import AppConfig

from backend.registry.tables import RegistryCall, RegistryQuery, RegistryResult

APP_CONFIG = AppConfig(
    app_name="registry",
    migrations_folder_path=str(Path(__file__).parent / "piccolo_migrations"),
    table_classes=[RegistryQuery, RegistryResult, RegistryCall],
    migration_dependencies=[],
    commands=[],
)
