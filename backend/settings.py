"""Typed settings read from the environment (prefix ``DOORSTEP_``), validated at start."""

from __future__ import annotations

import secrets
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from backend.capacity import MAX_OCR_PROCESSES, default_ocr_processes
from backend.errors import ConfigurationError

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SECRET_MARKER = "change-me"  # noqa: S105  (a marker refused in production)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="DOORSTEP_", extra="ignore")

    mode: Literal["demo", "production"] = Field(
        "demo", description="production refuses demo data, demo passwords and default secrets"
    )
    database_url: str = Field(
        "", description="sqlite:///path or postgresql://user:pass@host:port/db; default var/"
    )
    data_dir: Path = Field(REPO_ROOT / "var", description="uploads, keys, the SQLite file")
    secret_key: str = Field("", description="signs tokens; generated into data_dir in demo mode")
    pwa_dist: Path = Field(REPO_ROOT / "pwa" / "dist", description="built PWA served at /")
    upload_max_bytes: int = Field(20 * 1024 * 1024, gt=0)
    upload_expiry_hours: float = Field(24.0, gt=0)
    access_token_minutes: int = Field(60, gt=0, le=24 * 60)
    refresh_token_days: int = Field(30, gt=0, le=365)
    login_max_failures: int = Field(5, gt=0, description="failures allowed per window")
    login_window_seconds: int = Field(60, gt=0)
    graphql_max_depth: int = Field(12, gt=2)
    graphql_max_aliases: int = Field(30, gt=0)
    graphql_max_tokens: int = Field(5000, gt=100)
    graphql_max_body_bytes: int = Field(
        2 * 1024 * 1024, gt=1024, description="largest GraphQL request body (413 above)"
    )
    vapid_private_key: str = Field(
        "", description="Web Push VAPID private key (base64url raw or DER); empty: generated "
        "once into data_dir"
    )
    vapid_public_key: str = Field(
        "", description="the VAPID public key (base64url uncompressed point); derived if empty"
    )
    vapid_subject: str = Field(
        "mailto:doorstep@localhost",
        description="VAPID contact push services may use (mailto: or https: URL); set a real "
        "one in production",
    )
    jobs: Literal["embedded", "distributed"] = Field(
        "embedded",
        description="embedded: worker pool inside the app; distributed: procrastinate on "
        "PostgreSQL, run by doorstep worker processes",
    )
    embedded_workers: int = Field(
        default_factory=default_ocr_processes, ge=0, le=MAX_OCR_PROCESSES,
        description="embedded mode: worker loops and OCR processes inside the app; 0: none. "
        "Default: one per core this process may use (CPU affinity, capped by a cgroup CPU "
        "quota), at most one per 512 MiB of memory beyond 512 MiB, at least 1",
    )
    db_pool_max_size: int = Field(
        10, ge=0, le=200, description="PostgreSQL connections per process; 0 disables the pool"
    )
    public_questions_per_address: int = Field(
        20, gt=0, description="questions and feedback one address may send per hour (public pages)"
    )
    public_questions_per_phone: int = Field(
        10, gt=0, description="questions and feedback per phone number (contact) per day"
    )
    registry_url: str = Field(
        "", description="base URL of the registries' gateway (contract v1); empty: not configured"
    )
    registry_url_real_estate: str = Field("", description="overrides registry_url for 不动产登记")
    registry_url_marriage: str = Field("", description="overrides registry_url for 婚姻登记")
    registry_url_housing_filing: str = Field("", description="overrides registry_url for 备案")
    registry_url_credit: str = Field("", description="overrides registry_url for 征信")
    registry_timeout_seconds: float = Field(5.0, gt=0, le=120)
    registry_roles_real_estate: str = Field("FIELD_STAFF,SUPERVISOR", description="who may query")
    registry_roles_marriage: str = Field("FIELD_STAFF,SUPERVISOR")
    registry_roles_housing_filing: str = Field("FIELD_STAFF,SUPERVISOR")
    registry_roles_credit: str = Field("SUPERVISOR")
    registry_retention_days: int = Field(90, gt=0, description="results deleted after; audit kept")
    registry_user_max_queries: int = Field(30, gt=0, description="queries per user per window")
    registry_user_window_seconds: int = Field(3600, gt=0)
    registry_breaker_failures: int = Field(5, gt=0, description="failures in a row that open it")
    registry_breaker_cooldown_seconds: float = Field(60.0, gt=0)
    registry_retry_seconds: float = Field(30.0, gt=0, description="first retry of a failed check")
    demo_registry: bool = Field(
        True, description="serve/seed --demo also start the registry simulator and seed the "
        "shared-data demo cases (tests of other domains turn it off: they count demo cases)"
    )
    confidence_threshold: float = Field(
        0.90, gt=0, lt=1,
        description="calibrated confidence below which a field read is shown as 需核对",
    )
    test_low_cost_password_hashing: bool = Field(
        False,
        description="tests only, honoured in demo mode: argon2id at its lowest cost, so the "
        "hundreds of sign-ins and demo seedings of the test suite take milliseconds",
    )
    test_crash_after_push_commit: bool = Field(
        False,
        description="tests only, honoured in demo mode: exit right after a push commits, "
        "before answering (proves a retried push is a duplicate)",
    )

    @field_validator("database_url")
    @classmethod
    def _known_scheme(cls, value: str) -> str:
        if value and not value.startswith(("sqlite:///", "postgresql://", "postgres://")):
            raise ValueError("必须以 sqlite:/// 或 postgresql:// 开头")
        return value

    @field_validator(
        "registry_roles_real_estate",
        "registry_roles_marriage",
        "registry_roles_housing_filing",
        "registry_roles_credit",
    )
    @classmethod
    def _registry_roles(cls, value: str) -> str:
        roles = {r.strip() for r in value.split(",") if r.strip()}
        if not roles <= {"FIELD_STAFF", "SUPERVISOR", "ADMIN"}:
            raise ValueError("只能是 FIELD_STAFF、SUPERVISOR、ADMIN（逗号分隔）")
        return ",".join(sorted(roles))

    @field_validator(
        "registry_url",
        "registry_url_real_estate",
        "registry_url_marriage",
        "registry_url_housing_filing",
        "registry_url_credit",
    )
    @classmethod
    def _registry_url(cls, value: str) -> str:
        if value and not value.startswith(("http://", "https://")):
            raise ValueError("必须以 http:// 或 https:// 开头")
        return value.rstrip("/")

    @field_validator("vapid_subject")
    @classmethod
    def _contact_url(cls, value: str) -> str:
        if not value.startswith(("mailto:", "https://")):
            raise ValueError("必须以 mailto: 或 https:// 开头")
        return value

    @model_validator(mode="after")
    def _production_is_strict(self) -> Settings:
        if self.mode == "production":
            if len(self.secret_key) < 32 or DEFAULT_SECRET_MARKER in self.secret_key:
                raise ValueError("生产模式需要至少 32 个字符的 DOORSTEP_SECRET_KEY")
            if not self.database_url.startswith(("postgresql://", "postgres://")):
                raise ValueError("生产模式需要 PostgreSQL（DOORSTEP_DATABASE_URL）")
        if self.jobs == "distributed" and self.is_sqlite:
            raise ValueError("分布式任务队列（DOORSTEP_JOBS=distributed）需要 PostgreSQL 数据库")
        return self

    @property
    def resolved_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'doorstep.sqlite3'}"

    @property
    def is_sqlite(self) -> bool:
        return self.resolved_database_url.startswith("sqlite:///")

    @property
    def uploads_dir(self) -> Path:
        return self.data_dir / "uploads"

    def registry_url_for(self, source: str) -> str:
        """The gateway of one source (``REAL_ESTATE`` …): its own setting, else the shared one."""
        own: str = getattr(self, f"registry_url_{source.lower()}", "")
        return own or self.registry_url

    def registry_roles_for(self, source: str) -> frozenset[str]:
        roles: str = getattr(self, f"registry_roles_{source.lower()}", "")
        return frozenset(r for r in roles.split(",") if r)

    def signing_key(self) -> str:
        """The token secret; in demo mode one is generated once and kept in data_dir."""
        if self.secret_key:
            return self.secret_key
        key_file = self.data_dir / "secret_key"
        if not key_file.exists():
            self.data_dir.mkdir(parents=True, exist_ok=True)
            key_file.write_text(secrets.token_urlsafe(48))
            key_file.chmod(0o600)
        return key_file.read_text().strip()


def _explain(error: ValidationError) -> str:
    lines = []
    for item in error.errors():
        name = "DOORSTEP_" + "_".join(str(p) for p in item["loc"]).upper()
        lines.append(f"  {name or 'DOORSTEP_*'}: {item['msg']}")
    return "配置无效 (invalid settings):\n" + "\n".join(lines)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    try:
        return Settings()
    except ValidationError as error:
        raise ConfigurationError(_explain(error)) from None
