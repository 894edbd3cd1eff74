"""The packaged templates as files an office can list and copy, to change one and keep the rest."""

from __future__ import annotations

import shutil
from pathlib import Path

from ikugen.errors import IkugenError, UsageError
from ikugen.package_data import templates_dir


def list_templates() -> list[tuple[str, str]]:
    """(relative path, what it is for, from katalog.yaml) for every packaged template file."""
    from ikugen.spec.yaml_reader import parse_data

    root = templates_dir()
    catalogue = root / "katalog.yaml"
    notes = parse_data(catalogue.read_text(encoding="utf-8"), str(catalogue))[0] or {}
    files = sorted(p for p in root.rglob("*") if p.is_file() and not p.name.startswith("."))
    return [(p.relative_to(root).as_posix(), notes.get(p.relative_to(root).as_posix(), "")) for p in files]


def copy_template(name: str, folder: Path) -> list[Path]:
    """Copy one packaged template (or every file under a packaged folder) into `folder`."""
    root = templates_dir()
    source = (root / name).resolve()
    if root.resolve() not in source.parents and source != root.resolve():
        raise UsageError(f"{name}: bukan templat bawaan")
    if not source.exists():
        known = ", ".join(p for p, _ in list_templates()[:8])
        raise UsageError(f"{name}: templat tidak ada; lihat 'ikugen templates list' (mis. {known}, ...)")
    files = [source] if source.is_file() else sorted(p for p in source.rglob("*") if p.is_file())
    targets = [(p, folder / p.relative_to(root)) for p in files]
    existing = [str(t) for _, t in targets if t.exists()]
    if existing:
        raise IkugenError(f"tidak ditimpa, sudah ada: {', '.join(existing[:5])}")
    for src, target in targets:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, target)
    return [t for _, t in targets]
