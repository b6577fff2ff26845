"""The format-neutral shape of a sample document: sections of blocks, rendered later per format.

A block is a paragraph (str), a bullet list ("ul", [items]), numbered steps ("ol", [items]) or a
table ("table", header, rows). PDF documents put each section on its own page.
"""

# ruff: noqa: E501  (document text and data tables read better unwrapped)
from dataclasses import dataclass, field


@dataclass
class Section:
    heading: str
    blocks: list


@dataclass
class Doc:
    path: str  # relative to data/docs; the extension picks the writer
    title: str
    sections: list[Section]
    intro: list = field(default_factory=list)
    rows: list = field(default_factory=list)  # CSV only: header row first

    @property
    def paged(self) -> bool:
        return self.path.endswith(".pdf")

    def passages(self):
        """(page or None, heading, text) for every paragraph, list, table and CSV row.

        The text is what the document says: a paragraph ending in ':' is joined with the list
        after it, table rows become 'cell | cell' lines and CSV rows 'column: value; ...' (the
        way the ingester renders them). The dialogue generator quotes these as retrieved context.
        """
        if self.rows:
            header = self.rows[0]
            return [
                (None, self.title, "; ".join(f"{h}: {v}" for h, v in zip(header, row, strict=True)))
                for row in self.rows[1:]
            ]
        out = []
        for number, section in enumerate(self._all_sections(), start=1):
            page = number if self.paged else None
            lead = ""
            for block in section.blocks:
                if isinstance(block, str):
                    if lead:
                        out.append((page, section.heading, lead))
                    lead = block if block.endswith(":") else ""
                    if not lead:
                        out.append((page, section.heading, block))
                    continue
                if block[0] in ("ul", "ol"):
                    items = block[1]
                    if block[0] == "ol":
                        items = [f"{i}. {t}" for i, t in enumerate(items, start=1)]
                    text = " ".join(items)
                else:  # table
                    text = "\n".join(
                        " | ".join(str(c) for c in row) for row in [block[1]] + block[2]
                    )
                out.append((page, section.heading, f"{lead}\n{text}" if lead else text))
                lead = ""
            if lead:
                out.append((page, section.heading, lead))
        return out

    def _all_sections(self):
        if not self.intro:
            return self.sections
        if self.paged:  # the intro is printed on page 1, above the first section
            first = self.sections[0]
            return [Section(first.heading, self.intro + first.blocks)] + self.sections[1:]
        return [Section(self.title, self.intro)] + self.sections
