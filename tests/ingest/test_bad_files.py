"""The bad-file corpus: every broken input is refused with a specific reason, or loads safely."""

from __future__ import annotations

import os
import random
import time
import zipfile

import pytest
from pypdf import PdfWriter
from reportlab.pdfgen import canvas

from ingest.discover import discover
from ingest.loaders import LoadError, load_file


def reason(path) -> str:
    with pytest.raises(LoadError) as caught:
        load_file(path)
    assert str(caught.value) == caught.value.reason
    return caught.value.reason


def encrypt(source, target, user: str, owner: str | None = None) -> None:
    writer = PdfWriter(clone_from=source)
    writer.encrypt(user, owner)
    writer.write(target)


def test_zero_byte_file(write_file) -> None:
    assert reason(write_file("empty.pdf", b"")) == "empty file (0 bytes)"


def test_random_bytes_named_pdf(write_file) -> None:
    noise = random.Random(7).randbytes(4096)
    assert reason(write_file("noise.pdf", noise)).startswith("corrupt PDF: ")


def test_truncated_pdf(make_pdf, write_file) -> None:
    data = make_pdf("whole.pdf", ["one", "two", "three"]).read_bytes()
    assert reason(write_file("cut.pdf", data[: len(data) // 2])).startswith("corrupt PDF: ")


def test_encrypted_pdf_needs_password(make_pdf, tmp_path) -> None:
    locked = tmp_path / "locked.pdf"
    encrypt(make_pdf("plain.pdf", ["secret text"]), locked, "secret")
    assert reason(locked) == "encrypted PDF (password required)"


def test_pdf_encrypted_with_empty_user_password_loads(make_pdf, tmp_path) -> None:
    restricted = tmp_path / "restricted.pdf"
    encrypt(make_pdf("plain.pdf", ["open text"]), restricted, "", owner="owner")
    assert [d.page_content for d in load_file(restricted)] == ["open text"]


def test_pdf_without_text_layer(tmp_path) -> None:
    path = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.rect(100, 100, 300, 400, fill=1)
    pdf.showPage()
    pdf.save()
    assert reason(path) == "no text layer (scanned PDF?); OCR is not supported"


@pytest.mark.parametrize(
    "data",
    [b"ELF\x00\x01\x02\x00" * 200, bytes(range(1, 32)) * 100],
    ids=["nul-bytes", "control-chars"],
)
def test_binary_data_named_txt(write_file, data: bytes) -> None:
    assert reason(write_file("blob.txt", data)) == "binary data, not text"


def test_invalid_utf8_loads_with_replacement_chars(write_file) -> None:
    data = "Grüße aus Köln, schön: ".encode() + b"\xff\xfe\xc3" + b" Ende."
    text = load_file(write_file("mixed.txt", data))[0].page_content
    assert text.startswith("Grüße aus Köln, schön:")
    assert "\ufffd" in text and text.endswith("Ende.")


def test_latin1_text_decodes(write_file) -> None:
    text = "Le café est très bon; où est la crème brûlée? À bientôt, garçon.\n"
    docs = load_file(write_file("fr.txt", text, encoding="latin-1"))
    assert docs[0].page_content == text.strip()


def test_huge_single_line_rejected_quickly_by_size(write_file) -> None:
    path = write_file("huge.txt", b"a" * (50 * 1024 * 1024))
    started = time.perf_counter()
    got = reason(path)
    assert time.perf_counter() - started < 0.5  # decided from the size, not by reading it
    assert got == "file too large: 50.0 MB > 20.0 MB limit (ingest.max_file_mb)"


def test_deeply_nested_html_loads(write_file) -> None:
    depth = 100_000
    page = "<title>Deep</title>" + "<div>" * depth + "<p>bottom text</p>" + "</div>" * depth
    docs = load_file(write_file("deep.html", page))
    assert [d.page_content for d in docs] == ["bottom text"]


def test_deeply_nested_unclosed_html_loads(write_file) -> None:
    page = "<span><b>" * 50_000 + "still readable"
    assert load_file(write_file("open.html", page))[0].page_content == "still readable"


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("text.docx", b"this is not a zip archive", "corrupt DOCX: "),
        ("blank.txt", b" \n\t\r\n   \n", "no extractable text"),
        ("scripts.html", b"<script>alert(1)</script><nav>menu</nav>", "no extractable text"),
        ("header.csv", b"name,price\n", "no data rows"),
    ],
)
def test_no_usable_content(write_file, name: str, data: bytes, expected: str) -> None:
    assert reason(write_file(name, data)).startswith(expected)


def test_zip_that_is_not_a_docx(tmp_path) -> None:
    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    assert reason(path).startswith("corrupt DOCX: ")


def test_missing_directory_and_fifo(tmp_path) -> None:
    assert reason(tmp_path / "gone.txt") == "no such file or directory"
    (tmp_path / "dir.txt").mkdir()
    assert reason(tmp_path / "dir.txt") == "not a regular file"
    os.mkfifo(tmp_path / "pipe.txt")
    assert reason(tmp_path / "pipe.txt") == "not a regular file"  # and it did not block


def test_unreadable_file(write_file) -> None:
    path = write_file("secret.txt", "classified")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as a user that bypasses file permissions (root)")
        assert reason(path) == "permission denied"
        assert discover([path])[1][0].reason == "permission denied"
    finally:
        path.chmod(0o644)


def test_permission_error_becomes_reason(write_file, monkeypatch) -> None:
    # The same mapping as above, for runs as root where chmod 000 does not stop reads.
    import ingest.loaders

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    path = write_file("guarded.txt", "text")
    monkeypatch.setattr(ingest.loaders, "open", refuse, raising=False)
    assert reason(path) == "permission denied"


def test_discover_reports_links_and_unsupported_types(tmp_path, write_file) -> None:
    write_file("docs/good.md", "# Fine\ntext")
    write_file("docs/photo.jpg", b"\xff\xd8\xff")
    (tmp_path / "docs/loop.txt").symlink_to(tmp_path / "docs/loop.txt")
    (tmp_path / "docs/dangling.pdf").symlink_to(tmp_path / "nowhere.pdf")
    files, skipped = discover([tmp_path / "docs"])
    assert files == [(tmp_path / "docs/good.md").resolve()]
    reasons = {os.path.basename(s.path): s.reason for s in skipped}
    assert reasons == {
        "dangling.pdf": "broken symlink",
        "loop.txt": "symlink loop",
        "photo.jpg": "unsupported file type .jpg",
    }
