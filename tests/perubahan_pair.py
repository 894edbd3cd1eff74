"""The pair of issue 17 (tests/perubahan/): the Cerbon example as an IKU Perubahan and the
earlier IKU constructed for it, and variants of the Perubahan written to a test's folder."""

from __future__ import annotations

from pathlib import Path

from conftest import EXAMPLES, ROOT

PAIR = ROOT / "tests" / "perubahan"
OLD = PAIR / "cerbon-2023-awal.yaml"
NEW = PAIR / "cerbon-perubahan.yaml"
PREVIOUS = OLD  # as a variant names it
REASON_I19 = "    alasan_perubahan: Rumus memperhitungkan ketepatan waktu penyusunan dokumen perencanaan\n"


def previous_text(*pairs: tuple[str, str]) -> str:
    """The earlier spec's text, its base named by an absolute path, each (old, new) replaced once."""
    text = OLD.read_text(encoding="utf-8").replace("dasar: ../../examples/cerbon.yaml",
                                                   f"dasar: {EXAMPLES / 'cerbon.yaml'}")
    for old, new in pairs:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def variant(tmp_path: Path, *pairs: tuple[str, str], name: str = "spek.yaml") -> Path:
    """The Perubahan with each (old, new) text replaced once, in `tmp_path`; its base and its
    previous spec are named by absolute paths, so it reads the same files from there."""
    text = NEW.read_text(encoding="utf-8")
    text = text.replace("dasar: ../../examples/cerbon.yaml", f"dasar: {EXAMPLES / 'cerbon.yaml'}")
    text = text.replace("sebelumnya: cerbon-2023-awal.yaml", f"sebelumnya: {OLD}")
    for old, new in pairs:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def line_of(path: Path, text: str) -> int:
    """The 1-based line of the first line of `path` holding `text`."""
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)
