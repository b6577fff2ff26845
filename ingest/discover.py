"""Find the files an ingest run should load, and say why the others are skipped."""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from ingest.loaders import SUPPORTED_SUFFIXES


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str


def _is_hidden(name: str) -> bool:
    # Dotfiles (.git, .DS_Store) and Office lock files (~$report.docx) are never documents.
    return name.startswith((".", "~$"))


def _stat(path: Path) -> os.stat_result | str:
    """The stat of what `path` points to, or the reason it can't be reached."""
    try:
        return os.stat(path)
    except FileNotFoundError:
        return "broken symlink" if path.is_symlink() else "no such file or directory"
    except PermissionError:
        return "permission denied"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symlink loop"
        return exc.strerror or str(exc)


def discover(
    paths: list[Path], follow_external_links: bool = False
) -> tuple[list[Path], list[Skipped]]:
    """Supported files under `paths` (recursively; sorted, resolved, each once) and the skipped.

    Hidden entries met while walking are left out silently; everything else that is not
    loaded is reported with a reason. Symlinked directories are followed, but never into a
    directory already walked, so links cannot make the walk loop or repeat files.

    A link met while walking whose final target (after the whole chain) lies outside every
    given path is skipped unless follow_external_links: a link to a private file elsewhere
    on the disk must not make that file searchable. The given paths themselves are trusted,
    links or not: they were named on purpose.
    """
    found: set[Path] = set()
    skipped: list[Skipped] = []
    seen_dirs: set[Path] = set()
    given = [Path(os.path.abspath(p)) for p in paths]
    roots = [p.resolve() for p in given]
    stack = list(reversed(given))
    while stack:
        path = stack.pop()
        info = _stat(path)
        if isinstance(info, str):
            skipped.append(Skipped(str(path), info))
        elif not follow_external_links and path not in given and _leaves(path, roots):
            skipped.append(Skipped(str(path), _external(path)))
        elif stat.S_ISDIR(info.st_mode):
            stack.extend(reversed(_walk_dir(path, seen_dirs, skipped)))
        elif not stat.S_ISREG(info.st_mode):
            skipped.append(Skipped(str(path), "not a regular file"))
        else:
            real = path.resolve()
            suffix = real.suffix.lower()
            if suffix not in SUPPORTED_SUFFIXES:
                skipped.append(Skipped(str(path), _unsupported(suffix)))
            elif not os.access(real, os.R_OK):
                skipped.append(Skipped(str(path), "permission denied"))
            else:
                found.add(real)
    return sorted(found), skipped


def _leaves(path: Path, roots: list[Path]) -> bool:
    """Whether a walked entry is a link whose target lies outside every root.

    Only the entry itself can be a link here: its parent was reached inside a root (or
    through a link already checked), so one lstat per entry and a resolve per link suffice.
    """
    if not path.is_symlink():
        return False
    real = path.resolve()
    return not any(real.is_relative_to(root) for root in roots)


def _external(path: Path) -> str:
    return (
        f"symlink to {path.resolve()} outside the ingested folders; "
        "ingest.follow_external_links or --follow-links to index it"
    )


def _walk_dir(path: Path, seen_dirs: set[Path], skipped: list[Skipped]) -> list[Path]:
    """The visible entries of a directory not walked before, sorted by name."""
    real = path.resolve()
    if path.is_symlink() and path.parent.resolve().is_relative_to(real):
        skipped.append(Skipped(str(path), "symlink loop"))  # a link to its own ancestor
        return []
    if real in seen_dirs:
        return []  # reached twice through a link: the same files, already listed
    seen_dirs.add(real)
    try:
        with os.scandir(path) as entries:
            names = sorted(entry.name for entry in entries if not _is_hidden(entry.name))
    except PermissionError:
        skipped.append(Skipped(str(path), "permission denied"))
        return []
    except OSError as exc:
        skipped.append(Skipped(str(path), exc.strerror or str(exc)))
        return []
    return [path / name for name in names]


def _unsupported(suffix: str) -> str:
    return f"unsupported file type {suffix}" if suffix else "unsupported file type (no extension)"
