"""Typed settings, read from the environment (and .env); see .env.example."""
from pathlib import Path

from pydantic import PositiveInt, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT = Path(__file__).resolve().parent.parent


DEMO_CLIENT_SECRET = "local-demo-secret"  # only for the local oidc-provider-mock


class Settings(BaseSettings):
    """Everything configurable; defaults are the embedded single-machine setup."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    port: int = 8000
    host: str = "127.0.0.1"
    database_url: str = f"sqlite:///{ROOT / 'var' / 'jobassistent.db'}"
    municipality: str = "ballerup"
    # NLU: a running Rasa server, or (unset) one the app starts itself from models/nlu.tar.gz.
    nlu_url: str | None = None
    rasa_port: int = 0  # 0: pick a free loopback port
    nlu_model: Path = ROOT / "models" / "nlu.tar.gz"
    nlu_timeout_s: float = 5.0
    nlu_cache_size: int = 2000  # parses of frequent short messages kept in the app (nlu/client.py); 0: none
    nlu_start_timeout_s: float = 180.0
    telegram_bot_token: SecretStr | None = None
    telegram_api_url: str | None = None
    # The caseworkers' Telegram group (its chat id); messages from any other group are ignored.
    telegram_caseworker_chat_id: int | None = None
    # Caseworker inbox: session length, and Secure cookies (set true behind HTTPS).
    inbox_session_hours: float = 8.0
    cookie_secure: bool = False
    # Booking rules (issue 4): notice period, how far ahead, reminder lead time.
    booking_notice_hours: int = 24
    booking_horizon_days: int = 28
    reminder_hours_before: int = 24
    reminder_poll_s: float = 30.0
    # Retention (services/retention.py): the transcript and event log are kept this many days; an anonymous
    # web chat, which no login ties to a person who could come back to it, goes whole after its own shorter
    # period of silence. How often the job runs.
    retention_days: PositiveInt = 180
    retention_anonymous_days: PositiveInt = 30
    retention_poll_s: float = 3600.0
    max_message_chars: int = 1000
    # Identity (issue 12): the OIDC provider (a MitID broker); unset issuer: bin/serve starts a local demo provider.
    oidc_issuer: str | None = None
    oidc_client_id: str = "jobassistenten"
    oidc_client_secret: SecretStr = SecretStr(DEMO_CLIENT_SECRET)
    oidc_cpr_claim: str = "dk:gov:saml:attribute:CprNumberIdentifier"
    # Personal actions (booking, CV, export, ...) need a login; false only for tests and demos without one.
    login_required: bool = True
    # The address citizens reach the app at (login links, the OIDC redirect); default http://<host>:<port>.
    public_url: str | None = None
    web_session_hours: float = 12.0
    telegram_bot_username: str | None = None  # for t.me deep links; asked from the Bot API when unset

    @property
    def base_url(self) -> str:
        return (self.public_url or f"http://{self.host}:{self.port}").rstrip("/")

    @model_validator(mode="after")
    def real_broker_needs_its_own_secret(self) -> "Settings":
        """The demo secret is public (it is in this file): never send it to a real broker."""
        if self.oidc_issuer and self.oidc_client_secret.get_secret_value() == DEMO_CLIENT_SECRET:
            raise ValueError("OIDC_ISSUER is set: set OIDC_CLIENT_SECRET to the secret the broker gave you")
        return self

    @field_validator("database_url")
    @classmethod
    def async_driver(cls, url: str) -> str:
        """Accept plain SQLAlchemy URLs and pick the async driver the app uses."""
        if url.startswith("sqlite:///"):
            return "sqlite+aiosqlite:///" + url.removeprefix("sqlite:///")
        for prefix in ("postgresql://", "postgres://", "postgresql+psycopg2://", "postgresql+psycopg://"):
            if url.startswith(prefix):
                return "postgresql+asyncpg://" + url.removeprefix(prefix)
        return url
