"""Personal data masked in many national formats; prices, dates and codes left alone."""

from __future__ import annotations

import pytest

from rag.pii import luhn_ok, mask_pii

POSITIVES = [
    ("EMAIL", "jane.doe@example.com"),
    ("EMAIL", "o'brien+orders@mail.example.co.uk".replace("'", "")),
    ("EMAIL", "kundenservice@beispiel-firma.de"),
    ("PHONE", "+44 20 7946 0958"),  # UK, international
    ("PHONE", "020 7946 0958"),  # UK, national
    ("PHONE", "07700 900123"),  # UK mobile
    ("PHONE", "(212) 555-0123"),  # US
    ("PHONE", "212-555-0123"),
    ("PHONE", "1-800-555-0142"),
    ("PHONE", "+1 212 555 0123"),
    ("PHONE", "030 12345678"),  # Germany
    ("PHONE", "+49 30 1234567"),
    ("PHONE", "+49 (0)30 1234567"),
    ("PHONE", "01 23 45 67 89"),  # France
    ("PHONE", "+33 6 12 34 56 78"),
    ("PHONE", "06.12.34.56.78"),
    ("PHONE", "+31 6 12345678"),  # Netherlands
    ("PHONE", "+7 495 123-45-67"),  # Russia
    ("PHONE", "03-1234-5678"),  # Japan
    ("PHONE", "+81 3-1234-5678"),
    ("PHONE", "138 0013 8000"),  # China mobile
    ("PHONE", "+86 10 1234 5678"),
    ("PHONE", "+48 22 123 45 67"),  # Poland
    ("CARD", "4111 1111 1111 1111"),  # Visa test number
    ("CARD", "5555-5555-5555-4444"),  # Mastercard
    ("CARD", "378282246310005"),  # Amex
    ("CARD", "6011 1111 1111 1117"),  # Discover
    ("CARD", "4012888888881881"),
    ("IBAN", "DE89 3704 0044 0532 0130 00"),
    ("IBAN", "GB29NWBK60161331926819"),
    ("IBAN", "FR14 2004 1010 0505 0001 3M02 606"),
    ("IBAN", "NL91ABNA0417164300"),
    ("IBAN", "PL61 1090 1014 0000 0712 1981 2874"),
    ("IP", "192.168.1.20"),
    ("IP", "10.0.0.1"),
    ("IP", "2001:db8::8a2e:370:7334"),
    ("IP", "fe80::1"),
]

NEGATIVES = [
    "The BaseCamp 1000 costs $1,599.00 (was $1,799).",
    "Prix : 1 250 € TTC, livraison 12 500 000 € de chiffre d'affaires.",
    "Order #100234567 shipped on 2024-05-12; order no. 4711-2024-0815.",
    "Invoice INV-2024-000123 and SKU KP-BC1000-2024 and part 4411-2290-X.",
    "Firmware 2.4.1.7 and version 10.0.19045 released 01.02.2024 at 12:30:45.",
    "Tracking 1Z999AA10123456784 and serial SN 12345678 and ISBN 978-3-16-148410-0.",
    "Capacity 1,024 Wh, 26,800 mAh, ratio 16:9, 99.99% uptime, 3.5 kg, 20000 mAh.",
    "Product code 4111111111111112 fails Luhn; 1234 5678 9012 3456 fails too.",
    "Room 1234 at 56 Main Street, open 9-17, call extension 42.",
    "Le 12/05/2024 à 14h30, 3 000 exemplaires à 19,99 € l'unité.",
    "DE00 1234 5678 9012 3456 78 is not a valid IBAN (check digits).",
]


@pytest.mark.parametrize(("kind", "sample"), POSITIVES, ids=[s for _, s in POSITIVES])
def test_each_format_is_masked(kind: str, sample: str) -> None:
    masked = mask_pii(f"Contact: {sample}. Thanks!")
    assert masked.text == f"Contact: <{kind}>. Thanks!"
    assert masked.found == [(kind, sample)]


@pytest.mark.parametrize("text", NEGATIVES)
def test_numbers_that_are_not_personal_survive(text: str) -> None:
    masked = mask_pii(text)
    assert masked.text == text, masked.found


def test_solid_digits_are_a_phone_only_after_a_cue_word() -> None:
    assert mask_pii("Tel: 0612345678").text == "Tel: <PHONE>"
    assert mask_pii("Order 0612345678").text == "Order 0612345678"


def test_counts_by_kind() -> None:
    masked = mask_pii("a@b.example, c@d.example, 4111 1111 1111 1111, call +1 212 555 0123")
    assert masked.counts == {"EMAIL": 2, "CARD": 1, "PHONE": 1}


def test_luhn() -> None:
    assert luhn_ok("79927398713") and not luhn_ok("79927398710")
