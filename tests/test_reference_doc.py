"""An office's reference document gives styles and nothing else.

The reference documents a tester made (a remote attached template, external relationships, an
XML entity, a named pipe, /dev/zero, a zip bomb) are cases of tests/bad_inputs/run/, run by
test_run_cases.py. Here: a clean reference, rebuilt from its allowed parts, changes nothing.
"""

from __future__ import annotations

import io
import zipfile

from conftest import ROOT

PACKAGED = ROOT / "templates" / "referensi.docx"


def test_the_packaged_reference_gives_the_same_document(tmp_path):
    """Rebuilding the package from its allowed parts changes nothing for a clean reference."""
    from docx import Document

    from ikugen.writers.reference import read_reference

    plain, rebuilt = io.BytesIO(), io.BytesIO()
    Document(str(PACKAGED)).save(plain)
    Document(read_reference(PACKAGED)).save(rebuilt)
    assert _parts_of_bytes(plain.getvalue()) == _parts_of_bytes(rebuilt.getvalue())


def _parts_of_bytes(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist()}
