"""The run-level cases of `run/*.yaml`: their catalogue, and the folder each one runs in.

`catalogue()` reads every `run/*.yaml` (one file per section of issue 12) and returns the cases
in order, each a dict as written there, with its section. `set_up(case, folder)` makes the
case's `files` in `folder`: copies from the repository, specs made from `valid-base.yaml`,
texts, links, named pipes, devices and the generated binary files of `GENERATED`.
Run `python tests/bad_inputs/run/make.py CASE-ID FOLDER` to make one case's folder and look at it
(the command line to try is printed).
"""

from __future__ import annotations

import base64
import io
import os
import sys
import zipfile
from pathlib import Path
from typing import Any, Callable

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(HERE.parent))
import make as corpus  # noqa: E402  (tests/bad_inputs/make.py)

BASE = ROOT / "tests" / "bad_inputs" / "valid-base.yaml"
REFERENCE = ROOT / "templates" / "referensi.docx"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"


# ---- generated files ------------------------------------------------------------------------------

def _reference(change: Callable[[dict[str, bytes]], None]) -> bytes:
    """The packaged reference document with `change(parts)` applied to its parts."""
    with zipfile.ZipFile(REFERENCE) as source:
        parts = {n: source.read(n) for n in source.namelist()}
    change(parts)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return out.getvalue()


def _add_rel(parts: dict[str, bytes], rels: str, xml: str) -> None:
    assert b"</Relationships>" in parts[rels], rels
    parts[rels] = parts[rels].replace(b"</Relationships>", xml.encode() + b"</Relationships>")


def _external(parts: dict[str, bytes]) -> None:
    """A remote attached template (.dotm), external relationships, a macro project."""
    assert b"<w:zoom" in parts["word/settings.xml"]
    parts["word/settings.xml"] = parts["word/settings.xml"].replace(
        b"<w:zoom", b'<w:attachedTemplate r:id="rIdTpl"/><w:zoom', 1)
    parts["word/_rels/settings.xml.rels"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{_RELS}">'
        f'<Relationship Id="rIdTpl" Type="{_REL}attachedTemplate" Target="http://contoh.invalid/makro.dotm" '
        'TargetMode="External"/></Relationships>').encode()
    _add_rel(parts, "word/_rels/document.xml.rels", f'<Relationship Id="rIdX" Type="{_REL}hyperlink" '
             'Target="http://contoh.invalid/" TargetMode="External"/>')
    _add_rel(parts, "_rels/.rels", f'<Relationship Id="rIdM" Type="{_REL}oleObject" '
             'Target="file:///etc/passwd" TargetMode="External"/>')
    parts["word/vbaProject.bin"] = b"macro"


def _entity(parts: dict[str, bytes]) -> None:
    head, _, body = parts["word/styles.xml"].partition(b"?>")
    doctype = b'<!DOCTYPE w:styles [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    parts["word/styles.xml"] = head + b"?>" + doctype + body


def _bomb(parts: dict[str, bytes]) -> None:
    parts["word/media/bom.png"] = b"\0" * (80 * corpus.MB)  # 80 MiB that pack to ~80 KiB


def _data_uri_spec() -> bytes:
    """A Markdown picture written as an 11 KB `data:` URI, on line 23."""
    uri = "data:image/png;base64," + base64.b64encode(b"\0" * 8300).decode()
    return _spec({"append": f'teks:\n  latar_belakang: "![peta]({uri})"\n'}).encode("utf-8")


GENERATED: dict[str, Callable[[], bytes]] = {
    "png": lambda: corpus.png(1, 1),
    "spec-data-uri": _data_uri_spec,
    "reference-external": lambda: _reference(_external),
    "reference-entity": lambda: _reference(_entity),
    "reference-zip-bomb": lambda: _reference(_bomb),
}


# ---- the catalogue --------------------------------------------------------------------------------

def catalogue() -> list[dict[str, Any]]:
    cases = []
    for path in sorted(HERE.glob("*.yaml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in document["cases"]:
            cases.append({**case, "section": document["section"], "file": path.name})
    return cases


def expand(text: str, folder: Path) -> str:
    """`${TMP}` is the case's folder, `${TEMPLATES}` the packaged templates' folder."""
    from ikugen.package_data import templates_dir  # installed, or the source tree's

    return text.replace("${TMP}", str(folder)).replace("${TEMPLATES}", str(templates_dir()))


def _spec(how: dict[str, Any]) -> str:
    """valid-base.yaml with each `replace` old -> new (each old exactly once), then `append`."""
    text = BASE.read_text(encoding="utf-8")
    for old, new in (how.get("replace") or {}).items():
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return how.get("prepend", "") + text + how.get("append", "")


def set_up(case: dict[str, Any], folder: Path) -> None:
    """Make the case's files in `folder`, in the order written (a link after its target)."""
    for name, how in (case.get("files") or {}).items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if "copy" in how:
            path.write_bytes((ROOT / how["copy"]).read_bytes())
        elif "spec" in how:
            path.write_bytes(expand(_spec(how["spec"] or {}), folder).encode("utf-8"))
        elif "text" in how:
            path.write_bytes(expand(how["text"], folder).encode("utf-8"))
        elif "make" in how:
            path.write_bytes(GENERATED[how["make"]]())
        elif "symlink" in how:
            os.symlink(expand(how["symlink"], folder), path)
        elif "hardlink" in how:
            os.link(folder / how["hardlink"], path)
        elif "fifo" in how:
            os.mkfifo(path)
        elif "device" in how:  # a character device node, e.g. [1, 3] as /dev/null; needs root
            major, minor = how["device"]
            os.mknod(path, 0o666 | 0o020000, os.makedev(major, minor))
        elif "folder" in how:
            path.mkdir(exist_ok=True)
        else:
            raise ValueError(f"{case['id']}: {name}: unknown kind of file {how}")


if __name__ == "__main__":
    wanted, target = sys.argv[1], Path(sys.argv[2]).resolve()
    [found] = [c for c in catalogue() if c["id"] == wanted]
    target.mkdir(parents=True, exist_ok=True)
    set_up(found, target)
    for step in found.get("steps") or [found]:
        for line in [step["run"]] if isinstance(step["run"], str) else step["run"]:
            print(f"cd {target} && {expand(line, target)}")  # noqa: T201
