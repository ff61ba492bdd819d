from pathlib import Path

from piccolo.conf.apps import AppConfig

from backend.consultation.tables import (
    Consultation,
    DepartmentMember,
    DutyShift,
    Feedback,
    FeedbackEvent,
    FeedbackRouting,
    SatisfactionRating,
)

APP_CONFIG = AppConfig(
    app_name="consultation",
    migrations_folder_path=str(Path(__file__).parent / "piccolo_migrations"),
    table_classes=[
        Consultation,
        Feedback,
        FeedbackEvent,
        FeedbackRouting,
        SatisfactionRating,
        DepartmentMember,
        DutyShift,
    ],
    migration_dependencies=["backend.knowledge.piccolo_app"],
    commands=[],
)
