from pathlib import Path

from piccolo.conf.apps import AppConfig, Command

from backend.knowledge.commands import load_seed
from backend.knowledge.tables import Article, ArticleVersion

APP_CONFIG = AppConfig(
    app_name="knowledge",
    migrations_folder_path=str(Path(__file__).parent / "piccolo_migrations"),
    table_classes=[Article, ArticleVersion],
    migration_dependencies=["backend.accounts.piccolo_app"],
    commands=[Command(load_seed)],
)
