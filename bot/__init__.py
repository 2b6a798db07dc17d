"""Jobassistenten: composition root and channels (web/REST, terminal, Telegram)."""
