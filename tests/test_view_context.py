"""Templates see only the View: no model of the spec is reachable from what a template is given.

The render's context (`doc`, `bab`, `rujukan`, ...) is walked whole, for every example in both
layouts; the packaged templates never name `spek`; an office's template copied from 0.1 that
still reads `spek.` builds, with a warning (IKU020) at its file and line naming the View field.
"""

from __future__ import annotations

import dataclasses
import datetime
import types
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import jinja2
import pytest
from conftest import EXAMPLES, ROOT, office, run_ikugen
from pydantic import BaseModel

from ikugen.pipeline import load_spec
from ikugen.render import legacy
from ikugen.render.document import render
from ikugen.view.document import Posisi, Row, View, view

KALORAN = EXAMPLES / "kaloran.yaml"
SPECS = sorted(EXAMPLES.glob("*.yaml"))
_LEAVES = (str, bytes, int, float, complex, bool, type(None), Decimal, datetime.date)


def reachable_models(root: object) -> tuple[list[str], list[object]]:
    """Every pydantic model reachable from `root` (by its path), and every object visited.

    Follows mappings (keys and values), sequences and sets, dataclass fields, instance
    attributes and slots, public properties, bound methods and the closures and defaults of
    functions (a `lambda: spek` in the context counts); modules and classes are not entered.
    """
    found: list[str] = []
    visited: list[object] = []
    seen: set[int] = set()
    stack: list[tuple[object, str]] = [(root, "context")]
    while stack:
        obj, path = stack.pop()
        if isinstance(obj, BaseModel):
            found.append(path)
            continue
        if isinstance(obj, _LEAVES) or isinstance(obj, (type, types.ModuleType)) or id(obj) in seen:
            continue
        seen.add(id(obj))
        visited.append(obj)
        stack.extend(_children(obj, path))
    return found, visited


def _children(obj: Any, path: str) -> list[tuple[object, str]]:
    if isinstance(obj, Mapping):
        return [(k, f"{path}.keys()") for k in obj] + [(v, f"{path}[{k!r}]") for k, v in obj.items()]
    if isinstance(obj, (list, tuple, set, frozenset)):
        return [(v, f"{path}[{i}]") for i, v in enumerate(obj)]
    if isinstance(obj, types.MethodType):
        return [(obj.__self__, f"{path}.__self__"), (obj.__func__, f"{path}.__func__")]
    if isinstance(obj, types.FunctionType):
        cells = [(c.cell_contents, f"{path}<closure {n}>")
                 for n, c in zip(obj.__code__.co_freevars, obj.__closure__ or (), strict=True)]
        return cells + [(d, f"{path}<default>") for d in (obj.__defaults__ or ())]
    if isinstance(obj, types.BuiltinFunctionType):
        return []
    out: list[tuple[object, str]] = []
    if dataclasses.is_dataclass(obj):
        out += [(getattr(obj, f.name), f"{path}.{f.name}") for f in dataclasses.fields(obj)]
    out += [(v, f"{path}.{k}") for k, v in getattr(obj, "__dict__", {}).items()]
    for klass in type(obj).__mro__:
        for name in getattr(klass, "__slots__", ()):
            if hasattr(obj, name):
                out.append((getattr(obj, name), f"{path}.{name}"))
        for name, member in vars(klass).items():
            if not name.startswith("_") and isinstance(member, property):
                out.append((getattr(obj, name), f"{path}.{name}"))
    return out


def context_of(spec: Path, layout: str, monkeypatch: pytest.MonkeyPatch,
               templates: Path | None = None) -> dict[str, Any]:
    """What `render` gives the layout's template, for one spec."""
    given: list[dict[str, Any]] = []
    original = jinja2.Template.render

    def spy(self: jinja2.Template, *args: Any, **kwargs: Any) -> str:
        given.append(dict(*args, **kwargs))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(jinja2.Template, "render", spy)
    render(view(load_spec(spec).spek), layout, templates)
    assert len(given) == 1  # the layout's template; includes and imports share its context
    return given[0]


@pytest.mark.parametrize("layout", ["standar", "keputusan"])
@pytest.mark.parametrize("spec", SPECS, ids=lambda p: p.stem)
def test_no_model_is_reachable_from_the_render_context(spec, layout, monkeypatch):
    context = context_of(spec, layout, monkeypatch)
    assert {"doc", "bab", "rujukan"} <= set(context) and "spek" not in context
    found, visited = reachable_models(context)
    assert found == []
    # The walk went everywhere a template can: the View, its rows, positions and their records.
    kinds = {type(o).__name__ for o in visited}
    assert {"View", "Row", "Posisi", "JabatanView", "SasaranView", "IndikatorView", "BabView"} <= kinds
    assert len(visited) > 50


def test_no_model_is_reachable_with_an_office_folder_that_reads_only_doc(monkeypatch):
    folder = ROOT / "docs" / "gaya-kantor"
    context = context_of(KALORAN, "standar", monkeypatch, folder)
    assert "spek" not in context and reachable_models(context)[0] == []


def _planted(spek: Any, doc: View) -> list[tuple[object, str]]:
    class Holder:
        def __init__(self) -> None:
            self._hidden = spek.pimpinan

    class Computed:
        @property
        def profil(self) -> object:
            return spek.profil

    row = doc.baris_iku[0]
    return [
        ({"doc": doc, "extra": [(1, {"k": spek.profil})]}, "context['extra'][0][1]['k']"),
        ({"doc": dataclasses.replace(doc, visi=spek.profil)}, "context['doc'].visi"),
        ({"doc": doc, "rows": [dataclasses.replace(row, sasaran=spek.sasaran[0])]},
         "context['rows'][0].sasaran"),
        ({"rujukan": lambda section: spek}, "context['rujukan']<closure spek>"),
        ({"x": Holder()}, "context['x']._hidden"),
        ({"x": Computed()}, "context['x'].profil"),
        ({"m": {spek.dokumen: 1}}, "context['m'].keys()"),
    ]


def test_the_walk_finds_a_model_planted_anywhere():
    """Not vacuous: a model put in the context, however deep or hidden, is found."""
    spek = load_spec(KALORAN).spek
    doc = view(spek)
    assert reachable_models(spek)[0] == ["context"]
    for context, where in _planted(spek, doc):
        found, _ = reachable_models(context)
        assert where in found, (where, found)


def test_rows_and_positions_hold_records_not_models():
    doc = view(load_spec(EXAMPLES / "cerbon.yaml").spek)
    row: Row = doc.baris_iku[0]
    head: Posisi = doc.pimpinan
    assert type(row.sasaran).__name__ == "SasaranView" and type(head.jabatan).__name__ == "JabatanView"
    assert all(x.sasaran is r.sasaran for r in doc.baris_iku for x in doc.baris_iku
               if x.sasaran.id == r.sasaran.id)  # one record per sasaran: `is sameas` in templates
    assert doc.struktur[0] is doc.pimpinan
    with pytest.raises(dataclasses.FrozenInstanceError):
        row.sasaran.uraian = "x"  # type: ignore[misc]


# --- the packaged templates --------------------------------------------------------------------

def test_no_packaged_template_names_spek():
    """What `grep -rn 'spek\\.' templates/` checks, comments included."""
    files = [p for p in (ROOT / "templates").rglob("*") if p.is_file()]
    assert len(files) > 30
    assert [str(p.relative_to(ROOT)) for p in files if b"spek." in p.read_bytes()] == []


def test_the_packaged_templates_never_get_the_legacy_warning():
    from ikugen.package_data import templates_dir

    assert legacy.uses(templates_dir()) == [] and legacy.problems(None) == []
    assert not legacy.uses_spek(ROOT / "docs" / "gaya-kantor")


# --- an office's template of 0.1 -----------------------------------------------------------------

COVER_01 = """<!-- ikugen:gaya Sampul -->
{{ doc.judul }}

VISI: {{ spek.profil.visi }}
<!-- ikugen:/gaya -->
"""

# makro.md.j2 as 0.1 shipped it, in part: the teks replacement and the signature's name.
MACROS_01 = """{% macro teks(nama) -%}
{% if spek.teks[nama] %}
{{ spek.teks[nama]|markdown }}
{% else %}
{% include "teks/" ~ nama ~ ".md.j2" %}
{% endif %}
{%- endmacro %}

{% macro ttd(ditetapkan=false) -%}
{{ doc.tempat }}, {{ doc.tanggal }}

**{{ spek.pimpinan.nama }}** {{ spek.profil.batas.utara if spek.profil.batas }}
{%- endmacro %}
"""


def test_an_office_template_of_0_1_still_builds(tmp_path):
    folder = office(tmp_path, {"standar/sampul.md.j2": COVER_01, "makro.md.j2": MACROS_01})
    out = tmp_path / "iku.md"
    result = run_ikugen("build", KALORAN, "-o", out, "--templates", folder)
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    visi = view(load_spec(KALORAN).spek).visi
    assert visi and f"VISI: {visi}" in " ".join(text.split())
    assert f"**{view(load_spec(KALORAN).spek).nama_camat}**" in text  # the 0.1 signature macro


def test_the_warning_names_the_template_line_and_view_field(tmp_path):
    folder = office(tmp_path, {"standar/sampul.md.j2": COVER_01, "makro.md.j2": MACROS_01})
    shown = [p.text() for p in legacy.problems(folder)]
    cover, macros = f"{folder}/standar/sampul.md.j2", f"{folder}/makro.md.j2"
    assert shown == [
        f"{macros}:2:7: peringatan: templat memakai spek.teks[nama] (model spesifikasi), yang tidak "
        "diberikan lagi pada versi berikutnya; pakai doc.teks[nama] [IKU020]",
        f"{macros}:3:4: peringatan: templat memakai spek.teks[nama] (model spesifikasi), yang tidak "
        "diberikan lagi pada versi berikutnya; pakai doc.teks[nama] [IKU020]",
        f"{macros}:12:6: peringatan: templat memakai spek.pimpinan.nama (model spesifikasi), yang tidak "
        "diberikan lagi pada versi berikutnya; pakai doc.nama_camat [IKU020]",
        f"{macros}:12:33: peringatan: templat memakai spek.profil.batas.utara (model spesifikasi), yang "
        "tidak diberikan lagi pada versi berikutnya; pakai doc.batas.utara [IKU020]",
        f"{macros}:12:60: peringatan: templat memakai spek.profil.batas (model spesifikasi), yang tidak "
        "diberikan lagi pada versi berikutnya; pakai doc.batas [IKU020]",
        f"{cover}:4:10: peringatan: templat memakai spek.profil.visi (model spesifikasi), yang tidak "
        "diberikan lagi pada versi berikutnya; pakai doc.visi [IKU020]",
    ]


@pytest.mark.parametrize("use, field", [
    ("spek.profil.visi", "doc.visi"),
    ("spek.profil.misi|length", "doc.misi"),
    ("spek.wilayah[0].nama", "doc.wilayah[0].nama"),
    ("spek.tujuan[0].indikator", "doc.tujuan[0].indikator"),
    ('spek.teks["penutup"]', 'doc.teks["penutup"]'),
    ("spek.teks.diktum", "doc.diktum"),
    ("spek.profil.jenis_daerah", "doc.jenis_daerah"),
    ("spek.organisasi", "doc.jabatan_urut (p.jabatan)"),
    ("spek.dokumen.kertas", "doc.periode, doc.tanggal, doc.tempat, doc.nomor_keputusan, doc.perubahan"),
    ("spek.abaikan", "doc"),
])
def test_each_use_is_told_its_view_field(tmp_path, use, field):
    folder = office(tmp_path, {"teks/penutup.md.j2": f"Teks.\n\n{{{{ {use} }}}}\n"})
    [problem] = legacy.problems(folder)
    assert (problem.line, problem.column, problem.code, problem.severity) == (3, 4, "IKU020", "peringatan")
    assert problem.hint == f"pakai {field}"


def test_a_template_that_only_mentions_spek_is_not_warned(tmp_path):
    folder = office(tmp_path, {
        "teks/penutup.md.j2": "{# spek.profil.visi #}Berkas spek.yaml {% set spek = doc %}{{ spek.visi }}\n",
        "teks/definisi.md.j2": "{% if %}\n",  # not a template: its build reports it, not this
        ".git/salinan.md.j2": "{{ spek.profil.visi }}\n",  # a hidden folder holds no templates
    })
    assert legacy.problems(folder) == []


def test_the_build_prints_the_warning(tmp_path):
    folder = office(tmp_path, {"standar/sampul.md.j2": COVER_01})
    result = run_ikugen("build", KALORAN, "-o", tmp_path / "iku.md", "--templates", folder)
    assert result.returncode == 0, result.stderr
    assert (f"{folder}/standar/sampul.md.j2:4:10: peringatan: templat memakai spek.profil.visi "
            "(model spesifikasi)") in result.stderr
    assert "pakai doc.visi [IKU020]" in result.stderr
