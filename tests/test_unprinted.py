"""Every value a spec holds is printed, or `validate` says this layout does not print it (IKU407).

For every leaf field of the schema, a spec with a unique marker in that field (in each place of
`BASE` the field has) is built in each layout: standar, keputusan, the README's four-chapter
`susunan`, and standar through a `dasar` base. The marker is in the DOCX text, or IKU407 warns at
the marker's line, and a warning is accepted only where docs/sections.md says that layout does not
print the field (fully or for some rows); a value inherited from the base is never warned about.
The control fields (spec/control_fields.py) are checked against the schema: ids, choices, paths
and settings only. The part that builds every field is slow (some 400 builds, 40 s); a few
fields in every layout are the fast subset. tests/test_sections_doc.py keeps the page in step.
"""

from __future__ import annotations

import copy
import types
import typing
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterator, Literal, Union

import pytest
import yaml
from conftest import ROOT
from docx_text import all_text
from pydantic import BaseModel
from test_sections_doc import unprinted_in_docs

from ikugen.checks.registry import Context, problem
from ikugen.checks.tables import label_of_unprinted_column
from ikugen.checks.unprinted import DELEGATED, PRINTERS, unprinted_value
from ikugen.pipeline import Options, _output, docx_bytes, load_spec, markdown
from ikugen.spec.control_fields import CONTROL_FIELDS, ENUMERATIONS, IDS, MERGE_KEYS, PATHS, pattern
from ikugen.spec.model import Spek
from ikugen.spec.model_tabel import KOLOM_IKU, KOLOM_PROGRAM

# --- the schema's leaves ----------------------------------------------------------------------

def _leaves(annotation: Any, prefix: str) -> Iterator[tuple[str, str]]:
    """(pattern, kind) of every leaf under a type: kind is "enum", "id", "text" or "number"."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        base, *meta = args
        if base is str and any(getattr(m, "pattern", None) for m in _metadata(meta)):
            yield prefix, "id"
        else:
            yield from _leaves(base, prefix)
    elif origin in (Union, types.UnionType):
        for arg in args:
            if arg is not type(None):
                yield from _leaves(arg, prefix)
    elif origin is list:
        yield from _leaves(args[0], f"{prefix}.*")
    elif origin is dict:
        yield from _leaves(args[1], f"{prefix}.*")
    elif origin is Literal:
        yield prefix, "enum"
    elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
        for name, field in annotation.model_fields.items():
            ann = field.annotation
            if field.metadata:
                ann = typing.Annotated[(ann, *field.metadata)]
            yield from _leaves(ann, f"{prefix}.{name}".lstrip("."))
    elif annotation in (int, Decimal):
        yield prefix, "number"
    else:
        yield prefix, "text"


def _metadata(meta: list[Any]) -> Iterator[Any]:
    for m in meta:
        yield m
        yield from getattr(m, "metadata", ())


LEAVES: dict[str, set[str]] = {}
for _pattern, _kind in _leaves(Spek, ""):
    LEAVES.setdefault(_pattern, set()).add(_kind)


def test_the_schema_walk_finds_the_fields():
    assert {"text"} == LEAVES["indikator.*.rumus"]
    assert "id" in LEAVES["indikator.*.sasaran"] and "enum" in LEAVES["dokumen.tata_letak"]
    assert {"organisasi.*.tugas", "organisasi.*.tugas.*", "organisasi.*.tugas.rincian.*"} <= set(LEAVES)
    assert len(LEAVES) > 100


@pytest.mark.parametrize("spec", ["examples/kaloran.yaml", "examples/kalimanah.yaml", "examples/cerbon.yaml",
                                  "tests/perubahan/cerbon-2023-awal.yaml", "tests/fidelity/program.yaml"])
def test_the_walk_of_the_checks_gives_each_value_its_pattern(spec):
    """checks/walk.py builds each value's pattern on the way down; IKU407 looks up PRINTERS and
    the control fields by it, so it must be control_fields.pattern of the value's path."""
    from ikugen.checks.walk import leaves

    found = leaves(load_spec(ROOT / spec).spek)
    assert len(found) > 90
    assert [leaf.key for leaf in found] == [pattern(leaf.path) for leaf in found]
    if "examples" not in spec:  # a target's years, keys of a mapping: "*" like list positions
        assert any(leaf.key == "indikator.*.target.*" and leaf.path[-1].isdigit() for leaf in found)


def test_control_fields_are_ids_choices_paths_or_settings():
    assert CONTROL_FIELDS <= set(LEAVES), CONTROL_FIELDS - set(LEAVES)
    for name in IDS:
        assert LEAVES[name] == {"id"}, name
    for name in ENUMERATIONS:
        assert LEAVES[name] <= {"enum", "text"}, name  # a section's name in a list of sections
    for name in CONTROL_FIELDS - IDS - ENUMERATIONS - PATHS:
        assert name.startswith(("abaikan.", "dokumen.batas_iku.")), name
    assert not any(key in part for key in MERGE_KEYS for name in LEAVES for part in name.split("."))


def test_every_leaf_is_printed_somewhere_listed_or_a_control_field():
    known = set(PRINTERS) | CONTROL_FIELDS | DELEGATED
    assert set(LEAVES) - known == set()
    assert set(PRINTERS) - set(LEAVES) == set()
    # a field with a printer is data, whatever its type; an id never has one but the tujuan pj
    assert {p for p in PRINTERS if LEAVES[p] == {"id"}} == {
        "tujuan.*.indikator.*.penanggung_jawab", "tujuan.*.indikator.*.penanggung_jawab.*"}


# --- the base spec and its markers ------------------------------------------------------------

def _ukuran(n: str, pj: str) -> dict[str, Any]:
    return {"nama": f"Persentase layanan {n}", "satuan": "%", "definisi": f"Definisi layanan {n}",
            "rumus": f"Jumlah layanan {n} dibagi jumlah seluruh layanan dikali 100%",
            "sumber_data": f"Laporan layanan {n}", "penanggung_jawab": pj, "alasan": f"Alasan layanan {n}",
            "polaritas": "positif", "tipe": "kumulatif", "kondisi_awal": 80,
            "target": {2021: 81, 2022: 82, 2023: 83}}


BASE: dict[str, Any] = {
    "dokumen": {"periode": {"awal": 2021, "akhir": 2023}, "tanggal": "2021-01-15", "tempat": "Kaloran",
                "nomor": "050/7", "kertas": "A4", "judul_keputusan": "Penetapan IKU Kecamatan Kaloran"},
    "profil": {"kecamatan": "Kaloran", "kabupaten": "Temanggung", "provinsi": "Jawa Tengah",
               "alamat": "Jalan Raya Kaloran 1", "telepon": "(0293) 491234", "surel": "kaloran@example.go.id",
               "jumlah_kecamatan": 20,
               "batas": {"utara": "Kabupaten Kendal", "timur": "Kecamatan Pringsurat",
                         "selatan": "Kecamatan Kranggan", "barat": "Kecamatan Temanggung"},
               "visi": "Temanggung maju dan sejahtera", "misi": ["Meningkatkan pelayanan publik"],
               "landasan_hukum": ["Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
                                  {"kelompok": "Landasan Idiil", "isi": ["Pancasila"]}]},
    "pimpinan": {"nama": "Budi Santoso, S.Sos", "pangkat": "Pembina Tingkat I", "golongan": "IV/b",
                 "nip": "19670707 198803 1 005"},
    "wilayah": [{"nama": "Tlogowungu", "kode": "33.23.01.2001"}],
    "organisasi": [
        {"id": "camat", "nama": "Camat", "singkatan": "Camat", "eselon": "III",
         "tugas": {"uraian": "Membantu Bupati", "rincian": ["Mengoordinasikan pemerintahan"]},
         "fungsi": ["Perumusan kebijakan kecamatan"], "kewenangan": ["Perizinan"]},
        {"id": "kasi", "nama": "Seksi Pelayanan", "singkatan": "Kasi Pelayanan", "eselon": "IV",
         "atasan": "camat", "tugas": ["Menyiapkan bahan pelayanan"], "fungsi": ["Pelaksanaan pelayanan"],
         "kewenangan": ["Rekomendasi"]},
        {"id": "sekcam", "nama": "Sekretariat Kecamatan", "singkatan": "Sekcam", "eselon": "IV",
         "atasan": "camat", "tugas": "Menyiapkan bahan koordinasi", "fungsi": ["Pengelolaan umum"],
         "kewenangan": ["Kepegawaian"]},
    ],
    "tujuan": [{"id": "T1", "uraian": "Meningkatnya kualitas pelayanan publik",
                "urusan": "Penyelenggaraan pemerintahan",
                "indikator": [{"id": "IT1", **_ukuran("tujuan", "camat")}]}],
    "sasaran": [
        {"id": "S1", "uraian": "Meningkatnya pelayanan administrasi", "tujuan": "T1", "program": "Program A"},
        {"id": "S2", "uraian": "Meningkatnya pelayanan seksi", "pemilik": "kasi", "induk": "S1",
         "program": "Program B"},
    ],
    "indikator": [{"id": "I1", "sasaran": "S1", **_ukuran("camat", "camat")},
                  {"id": "I2", "sasaran": "S2", **_ukuran("seksi", "kasi")}],
    "teks": {**{name: f"Teks {name} kantor." for name in (
        "kata_pengantar", "latar_belakang", "maksud_tujuan", "landasan_hukum", "definisi", "syarat_kriteria",
        "gambaran_umum", "tujuan_sasaran", "penetapan", "visi_misi", "formulir_iku", "tabel_target",
        "iku_eselon_iv", "matriks_perubahan", "penutup")},
             "menimbang": ["bahwa perlu menetapkan IKU;"], "diktum": ["Menetapkan IKU."]},
}
BASE["program"] = [{"nama": "Program Pelayanan Publik", "indikator": [_ukuran("program", "kasi")]}]
# A label for every column of every table: printed where the column is.
_COLUMNS = {"iku": KOLOM_IKU, "target": KOLOM_IKU, "tujuan_sasaran": KOLOM_IKU, "program": KOLOM_PROGRAM}
BASE["tabel"] = {name: {"judul_kolom": {c: f"Label {name} {c}" for c in columns if c != "target"}}
                 for name, columns in _COLUMNS.items()}
BASE["tabel"]["program"]["judul"] = "Judul tabel program"
BASE["teks"]["indikator_program"] = "Teks indikator_program kantor."
# The office's own columns (layout "kolom": the standard layout with them): Kalimanah's table, an
# IKU table explaining in bullets, a target table of years only, a program table of three columns.
KOLOM = {"iku": ["no", "sasaran", "indikator", "penjelasan"],
         "target": ["no", "sasaran", "indikator", "target"],
         "tujuan_sasaran": ["tujuan_sasaran", "indikator", "penjelasan"],
         "program": ["program", "indikator", "penanggung_jawab"]}
# The README's four-chapter recipe.
SUSUNAN = [
    {"bab": "Pendahuluan", "bagian": ["latar_belakang", "maksud_tujuan", "landasan_hukum"]},
    {"bab": "Penetapan IKU", "bagian": ["daftar_iku"]},
    {"bab": "Gambaran Umum", "bagian": ["visi_misi", {"bagian": "tupoksi", "judul": "Tugas dan Fungsi"},
                                        {"judul": "Capaian Tahun Lalu", "teks": "Capaian kantor."}]},
    {"bab": "Penutup", "bagian": ["penutup"]},
    {"lampiran": "Formulir Indikator Kinerja Utama", "bagian": ["formulir_iku"]},
]
LAYOUTS = ("standar", "keputusan", "susunan", "dasar", "kolom")
# Values that cannot be any text: the value written, and how the document prints it.
SPECIAL = {"dokumen.periode.awal": (2020, "2020-2023"), "dokumen.periode.akhir": (2024, "2021-2024"),
           "dokumen.tanggal": ("2022-11-17", "17 November 2022"),
           "pimpinan.nip": ("19750313 200003 2 004", "19750313 200003 2 004"),
           "profil.jumlah_kecamatan": (87, "delapan puluh tujuh"),
           # a choice that is a fact of the indicator: the base says kumulatif
           **{f"{owner}indikator.*.tipe": ("non-kumulatif", None)
              for owner in ("", "tujuan.*.", "program.*.")}}


def _paths(value: Any, path: tuple = ()) -> Iterator[tuple]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, path + (str(key),))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _paths(item, path + (i,))
    else:
        yield path


def _data(layout: str) -> dict[str, Any]:
    data = copy.deepcopy(BASE)
    if layout in ("susunan", "keputusan"):
        data["susunan"] = copy.deepcopy(SUSUNAN)
    if layout == "kolom":
        for name, columns in KOLOM.items():
            data["tabel"][name]["kolom"] = list(columns)
    return data


def _cases(layout: str) -> list[tuple]:
    """The places of the data fields in the layout's spec (control fields hold no marker)."""
    return [p for p in _paths(_data(layout))
            if pattern(p) not in CONTROL_FIELDS and pattern(p) not in DELEGATED]


def test_the_base_holds_every_data_field():
    held = {pattern(p) for layout in LAYOUTS for p in _cases(layout)}
    assert set(LEAVES) - CONTROL_FIELDS - DELEGATED - held == set()


def _set(data: Any, path: tuple, value: Any) -> None:
    for step in path[:-1]:
        data = data[int(step) if isinstance(data, dict) and step.isdigit() else step]
    last = path[-1]
    data[int(last) if isinstance(data, dict) and isinstance(last, str) and last.isdigit() else last] = value


def build(tmp: Path, layout: str, path: tuple) -> tuple[str, str, list[str]]:
    """The marker, the DOCX text, and the IKU407 lines at the marker's line."""
    data = _data(layout)
    key = pattern(path)
    marker, shown = SPECIAL.get(key) or (f"Zqx{abs(hash(path)) % 10**8:08d} penanda", None)
    _set(data, path, marker)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    spec = tmp / "spek.yaml"
    if layout == "dasar":
        (tmp / "dasar.yaml").write_text(text, encoding="utf-8")
        spec.write_text("dasar: dasar.yaml\n", encoding="utf-8")
        where = tmp / "dasar.yaml"
    else:
        spec.write_text(text, encoding="utf-8")
        where = spec
    lines = where.read_text(encoding="utf-8").splitlines()
    probe = str(marker) if not isinstance(marker, int) else f": {marker}"
    at = [n for n, line in enumerate(lines, 1) if probe in line and (not isinstance(marker, int) or
                                                                    line.split(":")[0].strip() == path[-1])]
    assert len(at) == 1, (probe, at)
    options = Options(layout="keputusan" if layout == "keputusan" else None)
    loaded = load_spec(spec, options=options)
    md = markdown(loaded, options)
    out = tmp / "out.docx"
    out.write_bytes(docx_bytes(loaded, md, options))
    warned = [p.text() for p in told(loaded, options) if p.line == at[0] and Path(p.file).name == where.name]
    return str(shown or marker), all_text(out), warned


def told(loaded: Any, options: Options) -> list[Any]:
    """What IKU407 tells of a loaded spec built with `options` (run here, registered or not)."""
    ctx = Context(loaded.spek, loaded.smap, output=_output(loaded.spek, options))
    # A label of a column the office's choice leaves out is IKU110's to tell.
    return [problem(loaded.smap, check, f) for check in (unprinted_value, label_of_unprinted_column)
            for f in check(ctx)]


def _expect(layout: str, key: str) -> str:
    row = unprinted_in_docs().get(key)
    return "ya" if row is None else row["standar" if layout in ("dasar", "kolom") else layout]


def _check(tmp: Path, layout: str, path: tuple) -> None:
    marker, text, warned = build(tmp, layout, path)
    printed = marker.lower() in text.lower()
    said = _expect(layout, pattern(path))
    where = f"{layout}: {'.'.join(map(str, path))}"
    if layout == "dasar":  # inherited: never warned; printed where the standard layout prints it
        assert not warned, where
        assert printed or said in ("tidak", "sebagian"), where
        return
    assert printed or warned, f"{where}: neither printed nor warned"
    assert not (printed and warned), f"{where}: printed, yet warned: {warned}"
    if warned:
        assert said in ("tidak", "sebagian"), f"{where}: warned, but docs/sections.md says it is printed"
    elif said == "tidak":
        pytest.fail(f"{where}: printed, but docs/sections.md says this layout does not print it")


def test_notes_of_change_are_told_by_iku726_without_a_previous_spec(tmp_path):
    """The delegated fields: printed by the Matriks Perubahan, told by IKU726 when there is none."""
    data = _data("standar")
    data["indikator"][0]["alasan_perubahan"] = "Zqx alasan baru"
    data["perubahan"] = [{"id": "I9", "alasan_perubahan": "Zqx alasan hapus"}]
    spec = tmp_path / "spek.yaml"
    spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    lines = spec.read_text(encoding="utf-8").splitlines()
    told = {p.line for p in load_spec(spec).warnings if p.code == "IKU726"}
    assert next(n for n, line in enumerate(lines, 1) if "Zqx alasan baru" in line) in told
    assert lines.index("perubahan:") + 2 in told  # at the list, whose first item is the next line
    assert DELEGATED == {"indikator.*.alasan_perubahan", "perubahan.*.alasan_perubahan"}


ALL = [(layout, path) for layout in LAYOUTS for path in _cases(layout)]
FAST = {"indikator.*.rumus", "sasaran.*.program", "teks.penetapan", "profil.visi", "dokumen.tanggal"}


@pytest.mark.parametrize(("layout", "path"), [c for c in ALL if pattern(c[1]) in FAST],
                         ids=lambda x: x if isinstance(x, str) else ".".join(map(str, x)))
def test_marker_fast(tmp_path, layout, path):
    _check(tmp_path, layout, path)


@pytest.mark.slow
@pytest.mark.parametrize(("layout", "path"), [c for c in ALL if pattern(c[1]) not in FAST],
                         ids=lambda x: x if isinstance(x, str) else ".".join(map(str, x)))
def test_marker(tmp_path, layout, path):
    _check(tmp_path, layout, path)


def test_validate_tells_it_at_the_values_line(tmp_path):
    """Registered: `validate` itself reports the value, in Bahasa Indonesia, with the hint."""
    data = _data("susunan")
    spec = tmp_path / "spek.yaml"
    spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    lines = spec.read_text(encoding="utf-8").splitlines()
    said = {p.line: p.text().split(": ", 1)[1] for p in load_spec(spec).warnings if p.code == "IKU407"}
    assert said[next(n for n, x in enumerate(lines, 1) if "Program A" in x)] == (
        "peringatan: nilai ini (sasaran[].program) tidak dicetak oleh tata letak mana pun; ikugen belum "
        "mencetaknya; nilai ini hanya tersimpan di spesifikasi [IKU407]")
    assert said[next(n for n, x in enumerate(lines, 1) if "Teks tujuan_sasaran kantor." in x)] == (
        "peringatan: nilai ini (teks.tujuan_sasaran) tidak dicetak oleh susunan ini; bagian tujuan_sasaran "
        "mencetaknya; tambahkan ke susunan bila perlu dicetak [IKU407]")
    # The chapter of daftar_iku, in a document without penetapan, opens with teks.penetapan.
    assert next(n for n, x in enumerate(lines, 1) if "Teks penetapan kantor." in x) not in said
    visi = next(n for n, x in enumerate(lines, 1) if "Temanggung maju" in x)
    decree = {p.line: p.message for p in load_spec(spec, options=Options(layout="keputusan")).warnings
              if p.code == "IKU407"}
    assert decree[visi] == "nilai ini (profil.visi) tidak dicetak oleh tata letak keputusan"
    assert visi not in said
