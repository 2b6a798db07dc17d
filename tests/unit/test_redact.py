"""Masking of CPR numbers, phone numbers and e-mail addresses."""
import pytest

from services.redact import redact


@pytest.mark.parametrize("text, expected", [
    ("mit cpr er 010190-1234", "mit cpr er [CPR]"),
    ("cpr 0101901234", "cpr [CPR]"),
    ("ring på 12345678", "ring på [telefon]"),
    ("ring på +45 12 34 56 78 tak", "ring på [telefon] tak"),
    ("tlf 0045 1234 5678", "tlf [telefon]"),
    ("mail: anne.b+job@kommune.dk.", "mail: [e-mail]."),
    ("ring 2019 2022", "ring [telefon]"),  # eight digits in pairs of four without a dash stay a phone number
    ("nr 20-19-20-22", "nr [telefon]"),
])
def test_masks(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", ["kl. 10:30 den 3/12", "225-timersreglen", "jeg er 19 år", "booking 42",
                                  "den 03.12.2026", "gennemgået 2026-11-23", "Netto 2019-2022", "fra 2015 - 2017"])
def test_leaves_ordinary_text(text):
    assert redact(text) == text
