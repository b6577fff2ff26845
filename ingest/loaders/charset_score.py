"""How implausible a decoded text is: the tie-breaks a byte-level detector lacks.

Legacy code pages decode almost any byte, so the wrong one often gives text without a single
"messy" character: Latin-1 French read as Windows-1250 is "café crčme brűlée, naďve façade".
What gives it away is the language: č, ű and ď next to é and ç belong to no one alphabet. The
scores here add up such signs, 0 for text that looks like one language:
- Latin letters outside the alphabets of the one (or two) languages that cover the text best;
- capitals inside words ("рТЙЧЕФ", KOI8-R read as Windows-1251);
- Japanese code pages without a single kana, Korean without Hangul syllables, Chinese outside
  the common characters of its standard, half-width katakana and compatibility jamo (both rare
  in real text, frequent in mis-decoded CJK).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter

from charset_normalizer.md import mess_ratio

# Lower-case non-ASCII letters of languages whose files are in legacy code pages.
_ALPHABETS = {
    "fr": "àâæçéèêëîïôœùûüÿ", "de": "äöüß", "es": "áéíñóúü", "pt": "ãõáàâçéêíóôú",
    "it": "àèéìíîòóùú", "nl": "áéèëïóöü", "ca": "àçèéíïòóú", "pl": "ąćęłńóśźż",
    "cs": "áčďéěíňóřšťúůýž", "sk": "áäčďéíĺľňóôŕšťúýž", "hu": "áéíóöőúüű", "ro": "ăâîșțşţ",
    "hr": "čćđšž", "sl": "čšž", "tr": "çğıöşü", "sv": "åäöé", "da": "æøåé", "is": "áðéíóúýþæö",
    "et": "äöõüšž", "lv": "āčēģīķļņšūž", "lt": "ąčęėįšųūž",
}  # fmt: skip
_WORD = re.compile(r"\w+")
_JAPANESE = {"shift_jis", "cp932", "euc_jp"}
_CHINESE = {"gb18030": "gb2312", "big5": "big5", "cp950": "big5"}


def implausibility(text: str, codec: str) -> float:
    """0 for text that reads like one language in `codec`; more for each sign of mojibake."""
    return (
        mess_ratio(text, 1.0)
        + _latin_misfit(text)
        + _mid_word_capitals(text)
        + _cjk_misfit(text, codec)
    )


def _latin_misfit(text: str) -> float:
    """Share of non-ASCII Latin letters outside the best-fitting language (pair: 5% less)."""
    letters = Counter(
        ch.lower() for ch in text if ch > "\x7f" and ch.isalpha() and _script(ch) == "LATIN"
    )
    total = sum(letters.values())
    if not total:
        return 0.0
    cover = {lang: sum(letters[c] for c in set(abc)) for lang, abc in _ALPHABETS.items()}
    best = max(cover.values())
    pairs = max(
        sum(n for c, n in letters.items() if c in _ALPHABETS[a] or c in _ALPHABETS[b])
        for a, b in itertools.combinations(_ALPHABETS, 2)
    )
    return 1.0 - max(best, 0.95 * pairs) / total


def _mid_word_capitals(text: str) -> float:
    """Share of words with a non-ASCII letter that have a capital after a small letter."""
    words = [w for w in _WORD.findall(text) if any(c > "\x7f" for c in w)]
    if not words:
        return 0.0
    odd = sum(
        1 for w in words if any(a.islower() and b.isupper() for a, b in itertools.pairwise(w))
    )
    return odd / len(words)


def _cjk_misfit(text: str, codec: str) -> float:
    wide = [ch for ch in text if ch >= "\u3000"]
    if not wide:
        return 0.0
    rare = sum(1 for ch in wide if "\uff61" <= ch <= "\uff9f" or "\u3130" <= ch <= "\u318f")
    penalty = rare / len(wide)
    han = [ch for ch in wide if "\u4e00" <= ch <= "\u9fff"]
    kana = sum(1 for ch in wide if "\u3040" <= ch <= "\u30ff")
    if codec in _JAPANESE and han and not kana:
        penalty += 0.5  # Japanese prose without kana: Chinese read in a Japanese code page
    if codec == "euc_kr":
        hangul = sum(1 for ch in wide if "\uac00" <= ch <= "\ud7a3")
        penalty += 1.0 - hangul / len(wide)
    standard = _CHINESE.get(codec)
    if standard and han:
        penalty += sum(1 for ch in han if not _common_han(ch, standard)) / len(han)
    return penalty


def _common_han(ch: str, standard: str) -> bool:
    """In GB2312's or Big5's first level (the ~3,755 / ~5,401 everyday characters)."""
    try:
        lead = ch.encode(standard)[0]
    except UnicodeEncodeError:
        return False
    return 0xB0 <= lead <= 0xD7 if standard == "gb2312" else 0xA4 <= lead <= 0xC6


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else ""
