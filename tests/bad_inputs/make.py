"""The corpus inputs that are big, binary or awkward to keep in git, made on demand.

`generated()` returns {file name: bytes}; `pictures()` the pictures the specs name (under
`gambar/`); `populate(folder)` writes the hand-made `*.yaml` of this folder and both of these
into `folder`, ready to run. Run `python tests/bad_inputs/make.py FOLDER` to look at them.
Everything is deterministic (fixed seeds), so a failure reproduces.
"""

from __future__ import annotations

import io
import os
import random
import shutil
import struct
import sys
import zipfile
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
BASE = (HERE / "valid-base.yaml").read_text(encoding="utf-8")
MB = 1024 * 1024


def _v(old: str, new: str) -> str:
    assert BASE.count(old) == 1, old
    return BASE.replace(old, new)


def _profil(line: str) -> str:
    return _v("  provinsi: Jawa Tengah\n", f"  provinsi: Jawa Tengah\n{line}\n")


def png(width: int, height: int, pixels: bool = True) -> bytes:
    """A PNG declaring width x height; its pixel data is empty (python-docx reads only the header)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" + b"\x00\x00\x00" * width) if pixels else zlib.compress(b"")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def _docx_like() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


def generated() -> dict[str, bytes]:
    rng = random.Random(20261122)
    # Each with a fungsi: a position without duties has no heading of its own in the tupoksi.
    chain = "".join(f"  - {{id: j{i}, nama: Seksi {i}, eselon: IV, fungsi: [Fungsi seksi {i}], "
                    f"atasan: {'camat' if i == 0 else f'j{i - 1}'}}}\n" for i in range(1999))
    combining = "K" + "\u0301" * 299  # 300 characters: the longest name, and a long document title
    return {
        # the whole file
        "binary-garbage.yaml": bytes(rng.getrandbits(8) for _ in range(64 * 1024)),
        "png-as-spec.yaml": png(16, 16),
        "docx-as-spec.yaml": _docx_like(),
        "latin-1.yaml": _v("kecamatan: Kaloran", "kecamatan: Kalor\u00e1n").encode("latin-1"),
        "utf-16-without-bom.yaml": BASE.encode("utf-16-le"),
        "nul-bytes.yaml": BASE.encode().replace(b"Kaloran", b"Kalo\x00ran"),
        "raw-bell-character.yaml": BASE.encode().replace(b"Kaloran", b"Kalo\x07ran"),
        "bom-only.yaml": b"\xef\xbb\xbf",
        # size and shape
        "single-line-5mb.yaml": b"kecamatan: " + b"x" * (5 * MB) + b"\n",
        "value-just-under-limit.yaml": _v("kecamatan: Kaloran",
                                          "kecamatan: " + "x" * (2 * MB - 1000)).encode(),
        "nesting-10000-flow.yaml": _profil("  misi: " + "[" * 10_000 + "]" * 10_000).encode(),
        "nesting-10000-block.yaml": _profil("  misi:\n    " + "- " * 10_000 + "x").encode(),
        "nesting-30000-flow.yaml": ("a: " + "[" * 30_000 + "]" * 30_000 + "\n").encode(),
        "too-many-values.yaml": (BASE + "wilayah:\n" + "- a\n" * 300_000).encode(),
        "list-2001-desa.yaml": (BASE + "wilayah:\n"
                                + "".join(f"  - {{nama: Desa {i}}}\n" for i in range(2001))).encode(),
        "id-1mb.yaml": _v("id: I1", "id: I" + "x" * MB).encode(),
        "number-1mb.yaml": _v("2021: 90", '2021: "1' + ".000" * (MB // 4) + '"').encode(),
        "enum-1mb.yaml": _v("eselon: III", "eselon: III" + "I" * MB).encode(),
        # valid, and hostile
        "valid-template-syntax-keputusan.yaml": _template_syntax_decree(),
        # a 19,000-character indicator name: every warning quotes it, none may print it whole
        "valid-long-indicator-name.yaml": _v("nama: Persentase layanan tepat waktu",
                                             "nama: Persentase" + " layanan" * 2400 + " akhir").encode(),
        "valid-position-chain-2000.yaml": _v("  - {id: camat, nama: Camat, eselon: III}\n",
                                             "  - {id: camat, nama: Camat, eselon: III}\n" + chain).encode(),
        "valid-longest-values.yaml": (_v("kecamatan: Kaloran", f"kecamatan: \"{combining}\"") + "teks:\n"
                                      + "  latar_belakang: \"" + ("kata " * 3999) + "akhir\"\n").encode(),
    }


def _template_syntax_decree() -> bytes:
    """valid-template-syntax.yaml in the decree layout, which prints other fields."""
    text = (HERE / "valid-template-syntax.yaml").read_text(encoding="utf-8")
    old = "  jenis: iku-perubahan\n"
    assert text.count(old) == 1
    return text.replace(old, old + "  tata_letak: keputusan\n").encode()


def large_spec(desa: int = 200, positions: int = 60, indicators: int = 300) -> str:
    """A large but legitimate spec: many villages, positions, sasaran and indicators, with targets.

    Positions form a tree (the Camat, sections under the Camat, sub-units under sections); every
    tenth sasaran belongs to a section and cascades from one of the Camat's.
    """
    years = range(2021, 2026)
    lines = [
        "dokumen: {periode: {awal: 2021, akhir: 2025}, tanggal: \"2023-04-19\", jenis: iku}",
        "profil:",
        "  kecamatan: Kaloran",
        "  kabupaten: Temanggung",
        "  provinsi: Jawa Tengah",
        "  visi: Terwujudnya masyarakat yang sejahtera, berbudaya dan berdaya saing",
        "  misi: [" + ", ".join(f"Misi ke-{i} yang dijalankan kecamatan" for i in range(1, 6)) + "]",
        "  landasan_hukum: [" + ", ".join(f"Peraturan Daerah Nomor {i} Tahun 2020" for i in range(1, 11))
        + "]",
        "pimpinan: {nama: \"Drs. Budi Santoso, M.Si.\", pangkat: Pembina, golongan: IV/a, "
        "nip: \"19670707 198803 1 005\"}",
        "wilayah:",
    ]
    lines += [f"  - {{nama: Desa Nomor {i}, jenis: {'kelurahan' if i % 10 == 0 else 'desa'}}}"
              for i in range(desa)]
    lines.append("organisasi:")
    lines.append("  - {id: camat, nama: Camat, eselon: III, tugas: Memimpin penyelenggaraan pemerintahan "
                 "kecamatan, fungsi: [Koordinasi pemerintahan, Pembinaan desa]}")
    for i in range(1, positions):
        boss = "camat" if i <= 10 else f"p{(i - 1) % 10 + 1}"
        lines.append(f"  - {{id: p{i}, nama: Seksi Pelayanan Nomor {i}, singkatan: Kasi {i}, eselon: IV, "
                     f"atasan: {boss}, tugas: Melaksanakan tugas seksi {i}, "
                     f"fungsi: [Fungsi pertama seksi {i}, Fungsi kedua seksi {i}]}}")
    n_tujuan = max(1, indicators // 50)
    n_sasaran = max(1, indicators // 3)
    lines.append("tujuan:")
    for t in range(n_tujuan):
        lines.append(f"  - {{id: T{t}, uraian: Meningkatnya kinerja bidang {t}, indikator: [{{nama: Indeks "
                     f"kinerja bidang {t}, satuan: indeks, kondisi_awal: 70, target: {{"
                     + ", ".join(f"{y}: {70 + y - 2020}" for y in years) + "}}]}")
    lines.append("sasaran:")
    for k in range(n_sasaran):
        if k % 10 == 9:
            owner = f"p{k % (positions - 1) + 1}" if positions > 1 else "camat"
            lines.append(f"  - {{id: S{k}, uraian: Meningkatnya layanan unit {k}, pemilik: {owner}, "
                         f"induk: S{k - 1}}}")
        else:
            lines.append(f"  - {{id: S{k}, uraian: Meningkatnya kualitas layanan nomor {k}, "
                         f"tujuan: T{k % n_tujuan}}}")
    lines.append("indikator:")
    for i in range(indicators):
        target = ", ".join(f'{y}: "{80 + i % 10 + y - 2021},5"' for y in years)
        lines.append(f"  - {{id: I{i}, sasaran: S{i % n_sasaran}, nama: Persentase layanan nomor {i} yang "
                     f"selesai tepat waktu, satuan: \"%\", definisi: Perbandingan layanan selesai "
                     f"tepat waktu dengan seluruh layanan nomor {i}, rumus: (a / b) x 100%, "
                     f"sumber_data: Laporan seksi, polaritas: positif, tipe: non-kumulatif, "
                     f"kondisi_awal: 75, target: {{{target}}}}}")
    return "\n".join(lines) + "\n"


def table_spec(sections: int = 120, rows: int = 60, columns: int = 25) -> str:
    """The spec's own sections, each an HTML table of rows x columns numbers, 45 to a chapter.

    120 sections is a 2 MiB spec, the size limit: 180,000 cells, a 29 MB document body.
    """
    lines = [BASE, "susunan:"]
    for s in range(sections):
        if s % 45 == 0:
            lines += [f"  - bab: Tabel bagian {s // 45 + 1}", "    bagian:"]
        cells = "".join("<tr>" + "".join(f"<td>{(r * columns + c) % 97}</td>" for c in range(columns))
                        + "</tr>" for r in range(rows))
        lines.append(f"      - {{judul: Tabel {s + 1}, teks: \"<table>{cells}</table>\"}}")
    return "\n".join(lines) + "\n"


def pictures() -> dict[str, bytes]:
    return {
        "gambar/raksasa.png": png(100_000, 100_000, pixels=False),  # 74 bytes
        "gambar/tinggi.png": png(1, 100_000, pixels=False),
        "gambar/lambang (baru) [2023].png": png(40, 20),
        "gambar/nol.png": png(0, 0, pixels=False),
        "gambar/terpotong.png": png(40, 20)[:20],
        "gambar/kosong.png": b"",
        "gambar/teks.png": b"bukan gambar\n",
        "gambar/besar.png": png(10, 10) + b"\x00" * (6 * MB),
        "gambar/lambang.svg": b"<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'/>",
        "gambar/lambang.webp": (b"RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00/\x00\x00\x00"
                                b"\x10\x07\x10\x11\x11\x88\x88\xfe\x07\x00"),
        "gambar/lambang.gif": b"GIF89a\x01\x00\x01\x00\x00\x00\x00;",
    }


def populate(folder: Path) -> None:
    """Every corpus input in `folder`: the hand-made files, the generated ones, the pictures."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in HERE.glob("*.yaml"):
        shutil.copyfile(path, folder / path.name)
    for name, data in {**generated(), **pictures()}.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    loop = folder / "gambar" / "putar.png"
    if not loop.is_symlink():
        os.symlink("putar.png", loop)


if __name__ == "__main__":
    populate(Path(sys.argv[1] if len(sys.argv) > 1 else "bad-inputs"))
