from pathlib import Path

from piccolo.conf.apps import AppConfig

from backend.notifications.tables import Notification, PushDelivery, PushSubscription

APP_CONFIG = AppConfig(
    app_name="notifications",
    migrations_folder_path=str(Path(__file__).parent / "piccolo_migrations"),
    table_classes=[Notification, PushSubscription, PushDelivery],
    migration_dependencies=[],
    commands=[],
)
