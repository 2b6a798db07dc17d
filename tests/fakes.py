"""A deterministic fake NLU for flow tests: keyword rules, no model."""
import re

from nlu.client import NluResult, NluUnavailable

# (pattern, intent) in priority order; the first match wins.
RULES = [
    (r"\b(hej|goddag)\b", "greet"), (r"\bfarvel\b", "goodbye"), (r"^tak\b", "thanks"),
    (r"^(ja|ok)\b", "affirm"), (r"^nej\b", "deny"), (r"\b(menu|hvad kan du)\b", "capabilities"),
    (r"\b(flyt|flytte|rykke)\b", "reschedule_meeting"), (r"\b(aflys|aflyse|afbestil)\b", "cancel_meeting"),
    (r"\bhvornår er\b", "list_meetings"), (r"\b(book|booke)\b", "book_meeting"),
    (r"\b(menneske|medarbejder)\b", "human_handoff"), (r"\bslet\b", "delete_my_data"),
    (r"\bgemmer\b", "privacy"), (r"\bklage\b", "complaint"), (r"\brobot\b", "bot_challenge"),
    (r"\bcv\b", "cv_help"), (r"\bsyg\b", "sickness"), (r"\bpenge\b", "benefits_payment"),
    (r"\bvil ikke leve\b", "crisis"), (r"\bvejret\b", "out_of_scope"),
    (r"\b(åbent|åbningstider|hvor ligger)\b", "contact_jobcentre"),
]


# Words that the real model's lookup tables turn into entities.
ENTITIES = {"jobsamtale": ("meeting_type", "jobsamtale"), "ungesamtale": ("meeting_type", "ungesamtale"),
            "telefon": ("meeting_mode", "telefon"), "video": ("meeting_mode", "video"),
            "fremmøde": ("meeting_mode", "fremmøde")}


class FakeNlu:
    """Maps text to intents by RULES; anything else is a low-confidence fallback between two intents."""

    def __init__(self) -> None:
        self.down = False
        self.calls = 0

    async def parse(self, text: str) -> NluResult:
        self.calls += 1
        if self.down:
            raise NluUnavailable("fake NLU is down")
        lowered = text.lower()
        entities = [{"entity": e, "value": v} for word, (e, v) in ENTITIES.items() if word in lowered]
        for pattern, intent in RULES:
            if re.search(pattern, lowered):
                return NluResult(text=text, intent=intent, confidence=0.95, ranking=[(intent, 0.95)],
                                 entities=entities)
        return NluResult(text=text, intent="job_search_tips", confidence=0.2, fallback=True,
                         ranking=[("job_search_tips", 0.2), ("cv_help", 0.15), ("greet", 0.1)])
