import pytest

from backend.settings import Settings


def test_production_refuses_a_short_secret() -> None:
    with pytest.raises(ValueError, match="SECRET_KEY"):
        Settings(mode="production", secret_key="short", database_url="postgresql://x/y")


def test_production_refuses_sqlite() -> None:
    with pytest.raises(ValueError, match="PostgreSQL"):
        Settings(mode="production", secret_key="k" * 40, database_url="sqlite:///x.db")


def test_the_distributed_job_queue_refuses_sqlite() -> None:
    with pytest.raises(ValueError, match="DOORSTEP_JOBS=distributed"):
        Settings(jobs="distributed", database_url="sqlite:///x.db")
    assert Settings(jobs="distributed", database_url="postgresql://x/y").jobs == "distributed"


def test_unknown_database_scheme_is_explained() -> None:
    with pytest.raises(ValueError, match="sqlite:///"):
        Settings(database_url="mysql://x")


def test_sqlite_file_defaults_under_the_data_directory(tmp_path: object) -> None:
    settings = Settings(database_url="", data_dir=tmp_path)  # type: ignore[arg-type]
    assert settings.resolved_database_url.endswith("doorstep.sqlite3")
    assert settings.is_sqlite
