"""Settings from the environment (KOPPEL_*) and the command line."""

from __future__ import annotations

from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_DATABASE_URL = "sqlite:///koppel.db"


class Settings(BaseSettings):
    """koppel's settings; each can be set as ``KOPPEL_<NAME>`` in the environment."""

    model_config = SettingsConfigDict(env_prefix="KOPPEL_", extra="ignore")

    database_url: str = DEFAULT_DATABASE_URL
    language: str = "nl"
