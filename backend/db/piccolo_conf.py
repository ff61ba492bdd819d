"""Piccolo's configuration: the engine from settings and one app per domain."""

from piccolo.conf.apps import AppRegistry

from backend.db.engine import make_engine
from backend.settings import get_settings

DB = make_engine(get_settings().resolved_database_url)

APP_REGISTRY = AppRegistry(
    apps=[
        "backend.accounts.piccolo_app",
        "backend.knowledge.piccolo_app",
        "backend.jobs.piccolo_app",
        "backend.uploads.piccolo_app",
        "backend.cases.piccolo_app",
        "backend.verification.piccolo_app",
        "backend.documents.piccolo_app",
        "backend.notifications.piccolo_app",
        "backend.throttling.piccolo_app",
        "backend.consultation.piccolo_app",
        "backend.corrections.piccolo_app",
        "sync.piccolo_app",
        "backend.registry.piccolo_app",
        "backend.training.piccolo_app",
        "backend.assessment.piccolo_app",
        "backend.visits.piccolo_app",
    ]
)
