"""Citizen-facing texts per locale (Project Fluent) and date formats, shared by bot/, dialogs/ and services/."""
from i18n.catalog import DEFAULT_LOCALE, LOCALES_DIR, Catalog, Texts
from i18n.checks import missing_keys
from i18n.formats import format_datetime

__all__ = ["DEFAULT_LOCALE", "LOCALES_DIR", "Catalog", "Texts", "format_datetime", "missing_keys"]
