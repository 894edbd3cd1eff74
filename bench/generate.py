"""Synthetic kecamatan specs for benchmarks: sizes like the examples, and one large spec.

    python bench/generate.py 1000 /tmp/spek            # 1,000 specs like examples/kaloran.yaml
    python bench/generate.py 1 /tmp/besar --besar       # 200 desa, 60 positions, 300 indicators

The text is made up from a small vocabulary (deterministic: the same arguments give the same
files); it is only there to have the lengths and shapes of real specs.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

WORDS = ("pelaksanaan penyelenggaraan pemerintahan pembangunan pelayanan masyarakat desa kelurahan "
         "kecamatan koordinasi pembinaan pengawasan administrasi keuangan perencanaan kegiatan program "
         "laporan evaluasi ketertiban ketentraman kesejahteraan pemberdayaan sosial kependudukan umum "
         "urusan daerah kabupaten peraturan tugas fungsi bidang seksi sekretariat data sarana").split()
SIZES = {"biasa": dict(desa=14, jabatan=9, fungsi=8, sasaran=5, indikator=10, hukum=18),
         "besar": dict(desa=200, jabatan=60, fungsi=8, sasaran=60, indikator=300, hukum=18)}


def words(rng: random.Random, n: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(n))
    return text[0].upper() + text[1:]


def q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def spec(i: int, size: str = "biasa", seed: int = 7) -> str:
    rng = random.Random(seed * 100_003 + i)
    s = SIZES[size]
    name = f"Contoh {i:04d}"
    out = ["# yaml-language-server: $schema=../schema/ikugen.schema.json",
           f"# Spesifikasi sintetis untuk uji kecepatan ({size}).",
           "dokumen:", "  jenis: iku", "  periode: {awal: 2021, akhir: 2026}", '  tanggal: "2023-04-19"',
           "profil:", f"  kecamatan: {name}", "  kabupaten: Sintetis", "  provinsi: Jawa Tengah",
           "  jumlah_kecamatan: 20",
           "  batas: {utara: Kabupaten A, timur: Kecamatan B, selatan: Kecamatan C, barat: Kabupaten D}",
           f"  visi: {q(words(rng, 8))}", "  misi:"]
    out += [f"    - {q(words(rng, 10))}" for _ in range(5)]
    out.append("  landasan_hukum:")
    out += [f"    - {q('Peraturan Nomor ' + str(k + 1) + ' Tahun 2016 tentang ' + words(rng, 16))}"
            for k in range(s["hukum"])]
    out += ["pimpinan:", f"  nama: {q('Nama Camat ' + name + ', S.Sos')}", "  pangkat: Pembina",
            '  nip: "19670707 198803 1 005"', "wilayah:"]
    out += [f"  - nama: Desa {i:04d}-{k:03d}" for k in range(s["desa"])]
    out += ["organisasi:", "  - id: camat", "    nama: Camat", "    eselon: III",
            f"    tugas: {q(words(rng, 25))}", "    fungsi:"]
    out += [f"      - {q(words(rng, 9))}" for _ in range(s["fungsi"])]
    for k in range(1, s["jabatan"]):
        out += [f"  - id: j{k}", f"    nama: Seksi {words(rng, 2)} {k}", "    eselon: IV",
                "    atasan: camat", "    fungsi:"]
        out += [f"      - {q(words(rng, 9))}" for _ in range(s["fungsi"])]
    out += ["tujuan:", "  - id: T1", f"    uraian: {q(words(rng, 8))}", "    indikator:",
            f"      - nama: {q('Persentase ' + words(rng, 5))}", "sasaran:"]
    out += [f"  - {{id: S{k}, uraian: {q('Meningkatnya ' + words(rng, 5))}, tujuan: T1}}"
            for k in range(1, s["sasaran"] + 1)]
    out.append("indikator:")
    for k in range(1, s["indikator"] + 1):
        target = ", ".join(f'{y}: "{80 + k % 7},{y % 10}"' for y in range(2021, 2027))
        out += [f"  - id: I{k}", f"    sasaran: S{1 + (k - 1) % s['sasaran']}",
                f"    nama: {q('Persentase ' + words(rng, 6))}", '    satuan: "%"',
                f"    definisi: {q(words(rng, 14))}", f"    rumus: {q(words(rng, 12))}",
                "    sumber_data: Laporan seksi", '    kondisi_awal: "80"', f"    target: {{{target}}}"]
    return "\n".join(out) + "\n"


def generate(count: int, folder: Path, size: str = "biasa") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(1, count + 1):
        path = folder / f"kec{i:04d}.yaml"
        path.write_text(spec(i, size), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--besar", action="store_true", help="200 desa, 60 jabatan, 300 indikator")
    args = parser.parse_args()
    generate(args.count, args.folder, "besar" if args.besar else "biasa")


if __name__ == "__main__":
    main()
