"""Mask CPR numbers, phone numbers and e-mail addresses before anything is stored or logged."""
import re

# CPR: DDMMYY-XXXX (dash or space optional). Checked before phone numbers, which are shorter.
_CPR = re.compile(r"(?<!\d)[0-3]\d[01]\d\d{2}[\s-]?\d{4}(?!\d)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Danish phone numbers: 8 digits in any grouping, optionally with +45 / 0045.
_PHONE = re.compile(r"(?<![\d/.:])(?:(?:\+|00)45[\s-]?)?(?:\d[\s-]?){7}\d(?![\d/.:])")

MASKS = {"cpr": "[CPR]", "email": "[e-mail]", "phone": "[telefon]"}
# Eight digits that are a date (2026-11-23) or a span of years (2019-2022, 2019 - 2022) are no phone number.
_NOT_PHONE = re.compile(r"(?:19|20)\d\d-[01]\d-[0-3]\d|(?:19|20)\d\d\s?-\s?(?:19|20)\d\d")


def _phone(match: re.Match[str]) -> str:
    return match.group(0) if _NOT_PHONE.fullmatch(match.group(0).strip()) else MASKS["phone"]


def redact(text: str) -> str:
    """The text with personal identifiers replaced by neutral markers."""
    text = _CPR.sub(MASKS["cpr"], text)
    text = _EMAIL.sub(MASKS["email"], text)
    return _PHONE.sub(_phone, text)
