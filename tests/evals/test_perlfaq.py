"""The perlfaq builder: a small POD FAQ written here becomes a corpus and valid question files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evals import perlfaq, pod
from evals.questions import load_questions
from ingest.loaders import load_file

# Two =head2 entries per FAQ like perlfaq's own: formatting codes in headings (C<< >>, X<>,
# E<lt>), a code listing whose Perl comment must not become a heading, two blank lines before
# an entry, a statement heading without '?', and a =head1 that ends the last entry.
FAQ4 = """=head1 NAME

perlfaq4 - Data Manipulation

=head1 Data: Strings

=head2 How do I reverse a string?
X<reverse>

Use C<reverse()> in scalar context, as documented in L<perlfunc/reverse>.

    # a comment, not a heading
    my $reversed = reverse $string;


=head2 Why don't my E<lt>E<lt>HERE documents work?

Check for these three things:

=over 4

=item There must be no space after the C<< << >> part.

=back

=head1 AUTHOR AND COPYRIGHT

Copyright (c) the perlfaq authors.
"""
FAQ2 = """=head1 NAME

perlfaq2 - Obtaining and Learning about Perl

=head1 DESCRIPTION

=head2 Perl Books

Many books on Perl are available.

=head2 Where do I send bug reports?

Use B<perlbug>.

=cut
"""
TABLE = {
    "How do I reverse a string?": "Is there a way to flip text so its last character is first?"
}


@pytest.fixture()
def pod_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "pod"
    folder.mkdir()
    (folder / "perlfaq4.pod").write_text(FAQ4, encoding="utf-8")
    (folder / "perlfaq2.pod").write_text(FAQ2, encoding="utf-8")
    return folder


def _table(tmp_path: Path, rows: dict[str, str]) -> Path:
    path = tmp_path / "table.jsonl"
    lines = [json.dumps({"heading": h, "question": q}) for h, q in rows.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("layout", perlfaq.LAYOUTS)
def test_builds_valid_questions_whose_sources_answer_them(pod_dir, tmp_path, layout):
    out = tmp_path / "out"
    table = {**TABLE, "A heading no FAQ has?": "unused"}
    counts = perlfaq.build(pod_dir, out, layout, _table(tmp_path, table))

    assert counts["entries"] == 4 and counts["verbatim"] == 3 and counts["reworded"] == 1
    assert counts["unmatched"] == ["A heading no FAQ has?"]
    verbatim, problems = load_questions(out / "questions.jsonl")
    assert problems == []
    assert [q.question for q in verbatim] == [
        "Where do I send bug reports?",  # FAQ 2 before FAQ 4; "Perl Books" is not a question
        "How do I reverse a string?",
        "Why don't my <<HERE documents work?",
    ]
    assert [q.id for q in verbatim] == ["faq2-002", "faq4-001", "faq4-002"]
    reworded, problems = load_questions(out / "reworded.jsonl")
    assert problems == [] and reworded[0].id == "faq4-001-rw"
    assert reworded[0].sources == verbatim[1].sources

    for question in verbatim:  # each source is a file the loaders read, holding its entry
        (source,) = question.sources
        sections = load_file(out / "docs" / source)
        headed = {d.metadata.get("heading"): d.page_content for d in sections}
        assert any(h and h.replace("`", "") == question.question for h in headed), headed.keys()
    if layout == "sections":
        assert verbatim[1].sources == ["perlfaq4/001-how-do-i-reverse-a-string.md"]
        text = (out / "docs" / verbatim[1].sources[0]).read_text(encoding="utf-8")
        assert "```\n# a comment, not a heading\nmy $reversed" in text
        assert "Copyright" not in text  # the =head1 after the entry is not part of it
    else:
        assert sorted(p.name for p in (out / "docs").iterdir()) == ["perlfaq2.md", "perlfaq4.md"]


def test_formatting_codes_render_as_plain_text_and_markdown():
    text = 'C<< $a <=> $b >> and L<text|perlop>, L<perlfunc/"sort">, B<I<x>>E<gt>X<idx>'
    assert pod.render(text) == '$a <=> $b and text, "sort" in perlfunc, x>'
    assert pod.render(text, markdown=True) == '`$a <=> $b` and text, "sort" in perlfunc, ***x***>'


def test_the_committed_rewordings_share_few_words_with_their_headings():
    table = perlfaq.load_reworded()
    assert len(table) >= 40
    shared = [perlfaq.content_words(q) & perlfaq.content_words(h) for h, q in table.items()]
    assert all(len(words) <= 1 for words in shared)
    assert sum(not words for words in shared) >= 0.9 * len(table)
