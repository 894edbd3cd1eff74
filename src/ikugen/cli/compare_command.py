"""`ikugen bandingkan LAMA BARU`: every difference between two specs of one kecamatan.

Printed for a person (one line per item added, removed or changed, at its file:line:column,
then its values, semula -> menjadi), or as JSON for CI. Exit codes as `diff`: 0 no difference,
1 differences, 2 trouble (a spec that cannot be read or holds errors, a wrong call).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

import click

from ikugen.errors import SpecError, exit_code

_KIND = {"jabatan": "jabatan", "tujuan": "tujuan", "sasaran": "sasaran", "indikator": "indikator"}
_STATUS = {"ditambah": "ditambahkan", "dihapus": "dihapus", "diubah": "diubah", "diganti": "menggantikan"}
_FIELD = {"nama": "nama", "singkatan": "singkatan", "eselon": "eselon", "atasan": "atasan",
          "uraian": "uraian", "urusan": "urusan", "tujuan": "tujuan", "pemilik": "pemilik",
          "induk": "induk", "program": "program", "sasaran": "sasaran", "satuan": "satuan",
          "definisi": "definisi", "rumus": "rumus", "sumber_data": "sumber data",
          "penanggung_jawab": "penanggung jawab", "alasan": "alasan pemilihan", "polaritas": "polaritas",
          "tipe": "tipe penghitungan", "kondisi_awal": "kondisi awal", "target": "target",
          "indikator": "indikator tujuan"}
_SHORT = 50  # values up to this length are shown on one line: semula -> menjadi
_NONE = "(tidak ada)"


@click.command("bandingkan", options_metavar="[OPSI]")
@click.argument("lama", type=click.Path(path_type=Path))
@click.argument("baru", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["teks", "json"]), default="teks", show_default=True,
              help="Bentuk laporan: teks (untuk dibaca) atau json (untuk CI).")
def bandingkan(lama: Path, baru: Path, fmt: str) -> int:
    """Bandingkan dua spesifikasi satu kecamatan: tujuan, sasaran, indikator dan jabatan yang
    ditambahkan, dihapus atau diubah, dan target per tahun.

    \b
    Keluar 0: tidak ada perbedaan; 1: ada perbedaan; 2: masalah (berkas tidak dapat dibaca
    atau memuat galat).
    \b
    Contoh:  ikugen bandingkan 2021/kaloran.yaml 2023/kaloran.yaml
    """
    from ikugen.compare.diff import compare
    from ikugen.pipeline import load_spec

    try:  # its own `sebelumnya` is not followed: this command is how the reasons are found
        old, new = (load_spec(p, str(p), follow=False) for p in (lama, baru))
    except SpecError as exc:
        for problem in exc.problems:
            click.echo(problem.text(), err=True)
        click.echo("tidak dapat dibandingkan: betulkan dulu galat di atas", err=True)
        return exit_code(usage=True)
    found = compare(old.spek, new.spek)
    items = [_item(d, old, new) for d in found.items]
    if fmt == "json":
        import json  # only for this report: `ikugen --help` does without it

        click.echo(json.dumps({"lama": str(lama), "baru": str(baru), "sama": not items,
                               "perbedaan": items}, ensure_ascii=False, indent=2))
    else:
        for item in items:
            click.echo(_text(item))
    click.echo(_verdict(items), err=True)
    return exit_code(failed=bool(items))


def _item(d: Any, old: Any, new: Any) -> dict[str, Any]:
    from ikugen.compare.diff import LISTS

    side, index = (new, d.baru_index) if d.baru is not None else (old, d.lama_index)
    file, line, column = side.smap.origin((LISTS[d.kind], index, "id"))
    return {"jenis": d.kind, "status": d.status, "id": d.id, "id_lama": d.id_lama,
            "nama": _name(d.baru or d.lama), "nama_lama": _name(d.lama) if d.lama is not None else None,
            "berkas": file, "baris": line, "kolom": column,
            "rincian": [{"bagian": c.field, "tahun": c.year, "indikator": c.measure,
                         "semula": _value(old.spek, c, c.semula), "menjadi": _value(new.spek, c, c.menjadi)}
                        for c in d.changes]}


def _name(item: Any) -> str:
    return str(getattr(item, "nama", None) or getattr(item, "uraian", None) or item.id)


def _value(spek: Any, change: Any, value: Any) -> Any:
    from ikugen.compare.diff import position_name
    from ikugen.view.indonesian import angka

    if value is None:
        return None
    if change.field in ("target", "kondisi_awal"):
        return angka(value)
    if change.field == "penanggung_jawab" and change.measure is None:
        ids = value if isinstance(value, tuple) else (value,)
        return ", ".join(f"{position_name(spek, i)} ({i})" for i in ids)
    return list(value) if isinstance(value, tuple) else str(value)


def _text(item: dict[str, Any]) -> str:
    head = f"{item['berkas']}:{item['baris']}:{item['kolom']}: {_KIND[item['jenis']]} {item['id']} "
    if item["status"] == "diganti":
        head += f"'{item['nama']}' menggantikan {item['id_lama']} '{item['nama_lama']}'"
    else:
        head += f"'{item['nama']}' {_STATUS[item['status']]}"
    lines = [head]
    for c in item["rincian"]:
        label = _FIELD.get(c["bagian"], c["bagian"]) + (f" {c['tahun']}" if c["tahun"] else "")
        if c["indikator"]:
            label = f"indikator tujuan '{c['indikator']}', {label}"
        lines += _values(label, c["semula"], c["menjadi"])
    return "\n".join(lines)


def _values(label: str, before: Optional[Any], after: Optional[Any]) -> list[str]:
    a, b = (_NONE if v is None else ", ".join(v) if isinstance(v, list) else v for v in (before, after))
    if len(a) <= _SHORT and len(b) <= _SHORT:
        return [f"  {label}: {a} -> {b}"]
    return [f"  {label}", f"    semula:  {a}", f"    menjadi: {b}"]


def _verdict(items: list[dict[str, Any]]) -> str:
    if not items:
        return "tidak ada perbedaan"
    counts: dict[tuple[str, str], int] = {}
    for item in items:
        key = (item["jenis"], item["status"])
        counts[key] = counts.get(key, 0) + 1
    parts = [f"{n} {kind} {_STATUS[status] if status != 'diganti' else 'diganti'}"
             for (kind, status), n in counts.items()]
    return f"{len(items)} perbedaan: " + ", ".join(parts)
