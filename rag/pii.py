"""Masking personal data before it is embedded or trained on: typed placeholders, counted.

E-mail addresses, phone numbers, payment-card numbers, IBANs and IP addresses become `<EMAIL>`,
`<PHONE>`, `<CARD>`, `<IBAN>`, `<IP>`. Each candidate is checked beyond its shape, because the
documents are full of numbers that must survive: prices ("1 250 €", "$1,299.00"), dates, product
codes ("BC-2040-X") and order numbers.
- cards: 13-19 digits (spaces or dashes between groups), a card network's first digit and the
  Luhn checksum;
- IBANs: a country code, two check digits and the ISO 7064 mod-97 check;
- IPs: what `ipaddress` accepts (v4 dotted quads, v6 with at least two colons);
- phones: an international number (+CC, 8-15 digits), or a national one in a grouping people
  write: a trunk 0 or a bracketed area code with separators, North-American 3-3-4, a Chinese
  mobile 3-4-4; digits run together only after a cue word ("tel", "phone", "call"…). Never a
  digit run glued to letters, "#", a currency sign or a decimal point.
"""

from __future__ import annotations

import ipaddress
import re
from collections import Counter
from dataclasses import dataclass, field

KINDS = ("EMAIL", "IBAN", "CARD", "IP", "PHONE")  # the order they are masked in

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b")
_CARD = re.compile(r"(?<![\w.,#$€£-])\d(?:[ -]?\d){12,18}(?![\w-]|[.,]\d)")
_IPV4 = re.compile(r"(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?!\w|\.\d)")
_VERSION_CUE = re.compile(r"(?:version|firmware|release|build|v)\s*$", re.IGNORECASE)
_IPV6 = re.compile(r"(?<![\w:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\w:])")
_PHONE = re.compile(
    r"(?<![\w#$€£¥./-])(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,5}\)[ .-]?)?\d{1,12}(?:[ .-]\d{1,10}){0,5}"
    r"(?![\w%€£$-]|[.,]\d)"
)
_CUE = re.compile(r"(?:tel|phone|call|fax|mobile|cell|ph|☎|📞)[.:]?\s*$", re.IGNORECASE)
_CURRENCY_AFTER = re.compile(r"^\s?(?:€|\$|£|¥|eur|usd|gbp|chf|kr|zł|руб)", re.IGNORECASE)
_NANP = re.compile(r"^(?:\+?1[ .-]?)?\(?[2-9]\d{2}\)?[ .-]\d{3}[ .-]\d{4}$")
_CN_MOBILE = re.compile(r"^1[3-9]\d[ -]\d{4}[ -]\d{4}$")


@dataclass
class Masked:
    text: str
    found: list[tuple[str, str]] = field(default_factory=list)  # (kind, original) in order

    @property
    def counts(self) -> Counter[str]:
        return Counter(kind for kind, _ in self.found)


def mask_pii(text: str, keep: frozenset[str] = frozenset()) -> Masked:
    """`text` with each personal datum replaced by its placeholder, and what was found.

    keep: values left as they are (a company's public support address and number)."""
    found: list[tuple[str, str]] = []

    def sub(pattern: re.Pattern[str], kind: str, check, value: str) -> str:
        def replace(match: re.Match[str]) -> str:
            if match.group(0) in keep or not check(match, value):
                return match.group(0)
            found.append((kind, match.group(0)))
            return f"<{kind}>"

        return pattern.sub(replace, value)

    text = sub(_EMAIL, "EMAIL", lambda m, s: True, text)
    text = sub(_IBAN, "IBAN", lambda m, s: _iban_ok(m.group(0)), text)
    text = sub(_CARD, "CARD", lambda m, s: _card_ok(m.group(0)), text)
    text = sub(_IPV4, "IP", _ipv4_ok, text)
    text = sub(_IPV6, "IP", lambda m, s: _ip_ok(m.group(0)), text)
    text = sub(_PHONE, "PHONE", _phone_ok, text)
    return Masked(text, found)


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch) * (2 if i % 2 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def _card_ok(raw: str) -> bool:
    digits = re.sub(r"\D", "", raw)
    # Visa 4, Mastercard 2/5, Amex/Diners/JCB 3, Discover/UnionPay/Maestro 6.
    return 13 <= len(digits) <= 19 and digits[0] in "23456" and luhn_ok(digits)


def _iban_ok(raw: str) -> bool:
    iban = raw.replace(" ", "")
    if not 15 <= len(iban) <= 34:
        return False
    moved = iban[4:] + iban[:4]
    return int("".join(str(int(ch, 36)) for ch in moved)) % 97 == 1


def _ipv4_ok(match: re.Match[str], text: str) -> bool:
    """A dotted quad, unless a version number ("firmware 2.4.1.7")."""
    before = text[max(0, match.start() - 12) : match.start()]
    return _ip_ok(match.group(0)) and not _VERSION_CUE.search(before)


def _ip_ok(raw: str) -> bool:
    if raw.count(":") == 1:
        return False  # a time or a ratio, not IPv6
    try:
        address = ipaddress.ip_address(raw)
    except ValueError:
        return False
    return address.version == 6 or raw.count(".") == 3


def _phone_ok(match: re.Match[str], text: str) -> bool:
    raw = match.group(0)
    digits = re.sub(r"\D", "", raw)
    if _CURRENCY_AFTER.match(text[match.end() :]):
        return False  # "12 500 000 €": an amount
    if raw.startswith("+"):
        return 8 <= len(digits) <= 15
    grouped = bool(re.search(r"\d[ .-]\d", raw)) or raw.startswith("(")
    if _NANP.match(raw) or _CN_MOBILE.match(raw):
        return True
    if digits.startswith("0") and grouped and 9 <= len(digits) <= 12:
        return not re.fullmatch(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}", raw)  # a date
    if raw.startswith("(") and 9 <= len(digits) <= 11:
        return True
    cue = _CUE.search(text[max(0, match.start() - 12) : match.start()])
    return bool(cue) and 8 <= len(digits) <= 13
