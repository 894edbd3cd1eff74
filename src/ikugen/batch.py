"""Many specs in one run: which files a command's arguments name."""

from __future__ import annotations

from pathlib import Path

from .errors import UsageError

SPEC_SUFFIXES = (".yaml", ".yml")


def expand(paths: tuple[Path, ...] | list[Path]) -> list[Path]:
    """Files named, with each folder replaced by its *.yaml files, in a stable order."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix in SPEC_SUFFIXES and p.is_file())
            if not found:
                raise UsageError(f"{path}: folder ini tidak berisi berkas .yaml")
            files += found
        elif not path.exists():
            raise UsageError(f"{path}: berkas tidak ditemukan")
        else:
            files.append(path)
    return files
