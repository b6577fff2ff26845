"""The same real sentences in the encodings people's files are in, generated at test time.

Each case is one file's bytes and the text a correct decoder must give back. Lengths go from
one line to many pages (past the detector's window); HTML pages carry a correct <meta charset>,
a wrong one, or none. Used by tests/ingest/test_encodings.py and bench/encodings.py.
"""

from __future__ import annotations

import codecs
import random
from dataclasses import dataclass

# Real sentences per language; each uses only characters its legacy code pages can encode.
TEXTS: dict[str, list[str]] = {
    "fr": [
        "café crème brûlée, naïve façade",
        "Le garçon a apporté un café crème et une crème brûlée à la terrasse.",
        "Où est l'hôtel ? Il est à côté du théâtre, près de la forêt.",
        "À Noël, la façade naïve de l'église brille sous la neige.",
        "Élise préfère les pâtes fraîches et le gâteau aux châtaignes.",
        "Nous réglons la facture dès réception, sans frais supplémentaires.",
    ],
    "fr-euro": [  # cp1252 and ISO-8859-15 only: € and œ differ between them and Latin-1
        "Le cœur du menu : un bœuf bourguignon à 18 € et des œufs en meurette.",
        "L'œuvre coûte 1 250 €, livraison comprise, payée par carte à réception.",
        "Ma sœur a commandé deux hors-d'œuvre et un café à 3 € au comptoir.",
    ],
    "en-typo": [  # cp1252's curly quotes and dashes
        "“Don’t worry,” she said — the refund arrives in 3–5 working days.",
        "The manager’s note reads: “Returns within 30 days… no questions asked.”",
        "Prices rose by 5 € per unit — “unavoidable,” the supplier’s letter said.",
    ],
    "de": [
        "Grüße aus Köln: die Straße vor dem Büro ist schön breit.",
        "Übermorgen öffnet das Geschäft schon um acht Uhr früh.",
        "Die Größe der Lieferung hängt von der Bestellmenge ab.",
    ],
    "pl": [
        "Zażółć gęślą jaźń.",
        "Przesyłka zostanie doręczona w ciągu dwóch dni roboczych.",
        "Źródło błędu leży w źle skonfigurowanym łączu światłowodowym.",
        "Pracownicy sklepu chętnie pomogą w wyborze właściwego rozmiaru.",
    ],
    "cs": [
        "Příliš žluťoučký kůň úpěl ďábelské ódy.",
        "Zásilku doručíme do tří pracovních dnů od objednání.",
        "Reklamaci vyřídíme nejpozději do třiceti dnů, včetně dopravy.",
    ],
    "ru": [
        "Съешь же ещё этих мягких французских булок да выпей чаю.",
        "Посылка будет доставлена в течение двух рабочих дней.",
        "Возврат товара возможен в течение тридцати дней после покупки.",
        "Служба поддержки отвечает на письма с понедельника по пятницу.",
    ],
    "ja": [
        "いろはにほへと　ちりぬるを、わかよたれそ　つねならむ。",
        "ご注文の商品は二営業日以内に発送いたします。",
        "返品は購入日から三十日以内であれば受け付けております。",
        "お問い合わせは平日の午前九時から午後六時までです。",
    ],
    "zh-hans": [
        "我们将在两个工作日内发货。",
        "自购买之日起三十天内可以退货，运费由本店承担。",
        "客服中心的工作时间是周一至周五上午九点到下午六点。",
        "如果商品在运输途中损坏，请保留包装并联系我们。",
    ],
    "zh-hant": [
        "我們將在兩個工作天內出貨。",
        "自購買之日起三十天內可以退貨，運費由本店負擔。",
        "客服中心的服務時間是週一至週五上午九點到下午六點。",
        "如果商品在運送途中損壞，請保留包裝並與我們聯絡。",
    ],
}

# (encoding label, Python codec, languages written in it)
LEGACY: list[tuple[str, str, list[str]]] = [
    ("cp1252", "cp1252", ["fr", "fr-euro", "en-typo", "de"]),
    ("iso-8859-1", "latin-1", ["fr", "de"]),
    ("iso-8859-15", "iso8859-15", ["fr", "fr-euro", "de"]),
    ("cp1250", "cp1250", ["pl", "cs"]),
    ("cp1251", "cp1251", ["ru"]),
    ("koi8-r", "koi8-r", ["ru"]),
    ("shift_jis", "shift_jis", ["ja"]),
    ("euc-jp", "euc-jp", ["ja"]),
    ("gb18030", "gb18030", ["zh-hans"]),
    ("big5", "big5", ["zh-hant"]),
]
UNICODE: list[tuple[str, str, bytes]] = [
    ("utf-8", "utf-8", b""),
    ("utf-8-bom", "utf-8", codecs.BOM_UTF8),
    ("utf-16-le", "utf-16-le", b""),
    ("utf-16-le-bom", "utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", "utf-16-be", b""),
    ("utf-16-be-bom", "utf-16-be", codecs.BOM_UTF16_BE),
]
LENGTHS = ("line", "paragraph", "pages")
_PAGES_CHARS = 150_000  # past the detector's 64 KB window


@dataclass(frozen=True)
class Case:
    name: str  # e.g. "cp1250/pl/paragraph.txt"
    encoding: str
    language: str
    length: str
    data: bytes
    text: str  # what a correct decoder gives back (before whitespace normalising)


def body(language: str, length: str) -> str:
    sentences = TEXTS[language]
    if length == "line":
        return sentences[0] + "\n"
    if length == "paragraph":
        return " ".join(sentences) + "\n"
    rng = random.Random(f"{language}-pages")  # the same pages every run
    lines, size = [], 0
    while size < _PAGES_CHARS:
        line = " ".join(rng.sample(sentences, len(sentences)))
        lines.append(line)
        size += len(line) + 1
    return "\n".join(lines) + "\n"


def text_cases() -> list[Case]:
    cases = []
    for label, codec, languages in LEGACY:
        for language in languages:
            for length in LENGTHS:
                text = body(language, length)
                name = f"{label}/{language}/{length}.txt"
                cases.append(Case(name, label, language, length, text.encode(codec), text))
    for label, codec, bom in UNICODE:
        for language in ("fr", "pl", "ru", "ja", "zh-hans"):
            for length in LENGTHS:
                text = body(language, length)
                data = bom + text.encode(codec)
                cases.append(
                    Case(f"{label}/{language}/{length}.txt", label, language, length, data, text)
                )
    # A long English manual whose first accented word comes after the detector's window.
    late = "The warranty covers parts and labour for two years.\n" * 2000
    late += "Contact: Mme Hélène Dubois, café « Le Relais », Noël 2024.\n"
    cases.append(
        Case("cp1252/en/late-accent.txt", "cp1252", "en", "pages", late.encode("cp1252"), late)
    )
    return cases


def _page(text: str, meta: str | None) -> str:
    head = f'<meta charset="{meta}">' if meta else ""
    paragraphs = "".join(f"<p>{line}</p>\n" for line in text.splitlines())
    return (
        f"<!DOCTYPE html>\n<html><head>{head}<title>Page</title></head>\n"
        f"<body>{paragraphs}</body></html>\n"
    )


# (actual codec, label, declared charset, language): the wrong declarations people's pages have.
WRONG_META = [
    ("cp1252", "cp1252", "utf-8", "fr"),  # saved from an old editor, template says utf-8
    ("utf-8", "utf-8", "iso-8859-1", "fr"),  # re-saved as UTF-8, old meta kept
    ("cp1251", "cp1251", "iso-8859-1", "ru"),
    ("utf-8", "utf-8", "windows-1251", "ru"),
    ("shift_jis", "shift_jis", "euc-jp", "ja"),
    ("gb18030", "gb18030", "big5", "zh-hans"),
    ("cp1250", "cp1250", "utf-8", "pl"),
]


def html_cases() -> list[Case]:
    cases = []
    for label, codec, languages in LEGACY + [("utf-8", "utf-8", ["fr", "ru", "ja"])]:
        for language in languages[:2]:
            text = body(language, "paragraph")
            for meta in ("correct", "none"):
                declared = label if meta == "correct" else None
                data = _page(text, declared).encode(codec)
                name = f"{label}/{language}/meta-{meta}.html"
                cases.append(Case(name, label, language, f"html-{meta}", data, text))
    for codec, label, declared, language in WRONG_META:
        text = body(language, "paragraph")
        data = _page(text, declared).encode(codec)
        name = f"{label}/{language}/meta-wrong-{declared}.html"
        cases.append(Case(name, label, language, "html-wrong", data, text))
    return cases


def all_cases() -> list[Case]:
    return text_cases() + html_cases()
