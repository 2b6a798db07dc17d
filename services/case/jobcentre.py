"""The jobcentre's practical details from its municipality file: address, directions, phone, video links."""
import secrets
from pathlib import Path

import yaml

from services.case.model import Place
from services.municipality import DATA


def load_place(key: str, name: str, data: Path = DATA) -> Place:
    """The `jobcentre:` block of services/data/municipalities/<key>.yml (empty strings where a value is missing)."""
    raw = (yaml.safe_load((data / f"{key}.yml").read_text(encoding="utf-8")) or {}).get("jobcentre") or {}
    return Place(name, str(raw.get("address", "")), per_language(raw.get("directions")), str(raw.get("phone", "")),
                 str(raw.get("email", "")))


def per_language(raw: str | dict[str, str] | None) -> dict[str, str]:
    """A citizen-facing text in the file: a plain string is Danish (not translated yet), or a mapping per language."""
    if raw is None or raw == "":
        return {}
    if isinstance(raw, dict):  # Danish first: a message renders the first text for a language not given
        texts = {str(k): str(v) for k, v in raw.items() if v}
        return dict(sorted(texts.items(), key=lambda kv: kv[0] != "da"))
    return {"da": str(raw)}


def load_video_template(key: str, data: Path = DATA) -> str:
    """The municipality's video-meeting link with a `{room}` placeholder ('' when it offers no video)."""
    raw = (yaml.safe_load((data / f"{key}.yml").read_text(encoding="utf-8")) or {}).get("jobcentre") or {}
    return str(raw.get("video_url", ""))


def video_link(template: str) -> str | None:
    """A fresh, unguessable meeting room from the template; None when the municipality has no template."""
    return template.format(room=secrets.token_urlsafe(9)) if template else None
