"""Retention policy: how long the transcript, the event log and anonymous web chats are kept (pure, no I/O).

Why these defaults (bot/settings.py): the transcript serves the help in progress and the caseworker who
takes over a conversation; decisions and case notes belong in the municipality's case system, not in the
chat log. 180 days covers a meeting booked up to 28 days ahead, its follow-up and a handoff answered
weeks later, and then the storage-limitation principle (GDPR art. 5(1)(e)) says delete. An anonymous web
chat has no login to return with once its browser forgets it, so 30 days of silence ends it entirely.
"""
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class Cutoffs:
    """Rows created before `history_before` go; anonymous web chats silent since before `anonymous_before` go whole."""

    history_before: datetime
    anonymous_before: datetime


@dataclass(frozen=True)
class RetentionPolicy:
    """The configured periods, in days (validated positive by the settings)."""

    days: int = 180
    anonymous_days: int = 30

    def __post_init__(self) -> None:
        if self.days < 1 or self.anonymous_days < 1:
            raise ValueError("retention periods must be at least one day")

    def cutoffs(self, now: datetime) -> Cutoffs:
        """The moments before which data is deleted, seen from `now` (an aware UTC time)."""
        if now.tzinfo is None:
            raise ValueError("now must be timezone-aware")
        return Cutoffs(now - timedelta(days=self.days), now - timedelta(days=self.anonymous_days))


@dataclass(frozen=True)
class Purged:
    """What one retention round deleted, by kind (for the log line; never anything personal).

    Row counts are exact; anonymous_citizens counts the citizens the round deleted or found already gone,
    so two rounds racing on SQLite may both count one citizen (on PostgreSQL rounds never overlap).
    """

    messages: int = 0
    events: int = 0
    outbox: int = 0
    files: int = 0
    anonymous_citizens: int = 0

    @property
    def total(self) -> int:
        return self.messages + self.events + self.outbox + self.files + self.anonymous_citizens
