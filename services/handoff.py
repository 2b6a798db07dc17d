"""The summary a caseworker receives with a handoff request."""
from dialogs.texts import Texts
from store.conversations import StoredMessage


def build_summary(texts: Texts, reason: str, history: list[StoredMessage], last_text: str | None) -> str:
    """Reason, what the citizen asked about, and the recent (redacted) conversation, newest last."""
    asked = [m.intent for m in history if m.direction == "in" and m.intent]
    topics = ", ".join(dict.fromkeys(texts.get(f"intent_labels.{i}") for i in asked
                                     if texts.has(f"intent_labels.{i}")))
    lines = [texts.get("caseworker.reason", reason=texts.get(f"caseworker.reasons.{reason}")
                       if texts.has(f"caseworker.reasons.{reason}") else reason),
             texts.get("caseworker.topics", topics=topics or "-")]
    if last_text:
        lines.append(texts.get("caseworker.last", text=last_text))
    lines.append(texts.get("caseworker.history"))
    who = {"in": texts.get("caseworker.citizen"), "out": texts.get("caseworker.bot")}
    lines += [f"{who[m.direction]}: {m.text}" for m in history]
    return "\n".join(lines)
