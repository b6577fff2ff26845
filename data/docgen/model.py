"""The format-neutral shape of a sample document: sections of blocks, rendered later per format.

A block is a paragraph (str), a bullet list ("ul", [items]), numbered steps ("ol", [items]) or a
table ("table", header, rows). PDF documents put each section on its own page.
"""
from dataclasses import dataclass, field


@dataclass
class Section:
    heading: str
    blocks: list


@dataclass
class Doc:
    path: str                      # relative to data/docs; the extension picks the writer
    title: str
    sections: list[Section]
    intro: list = field(default_factory=list)
    rows: list = field(default_factory=list)      # CSV only: header row first

    @property
    def paged(self) -> bool:
        return self.path.endswith(".pdf")

    def passages(self):
        """(page or None, heading, text) for every paragraph and list of the document.

        The text is exactly what the document says (lists joined item by item), which is what
        the dialogue generator quotes as retrieved context.
        """
        out = []
        for number, section in enumerate(self._all_sections(), start=1):
            page = number if self.paged else None
            for block in section.blocks:
                if isinstance(block, str):
                    out.append((page, section.heading, block))
                elif block[0] in ("ul", "ol"):
                    items = block[1]
                    if block[0] == "ol":
                        items = [f"{i}. {t}" for i, t in enumerate(items, start=1)]
                    out.append((page, section.heading, " ".join(items)))
        return out

    def _all_sections(self):
        if not self.intro:
            return self.sections
        if self.paged:  # the intro is printed on page 1, above the first section
            first = self.sections[0]
            return [Section(first.heading, self.intro + first.blocks)] + self.sections[1:]
        return [Section(self.title, self.intro)] + self.sections
