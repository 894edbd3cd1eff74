"""The `ikugen` commands: parse options, call the core, print. Exit codes: `errors.exit_code`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional, Union

import click

from ikugen.errors import Problem, SpecError, UsageError, exit_code

if TYPE_CHECKING:  # imported where used, so `ikugen --help` stays fast
    from ikugen.checks.registry import Silenced
    from ikugen.pipeline import Options


class _Command(click.Command):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[OPSI]")
        super().__init__(*args, **kwargs)


class _Group(click.Group):
    command_class = _Command

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[OPSI]")
        kwargs.setdefault("subcommand_metavar", "PERINTAH [ARGUMEN]...")
        super().__init__(*args, **kwargs)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(None, "-V", "--version", package_name="ikugen", prog_name="ikugen",
                      message="%(prog)s %(version)s", help="Tampilkan versi lalu keluar.")
@click.option("--debug", is_flag=True, help="Tampilkan traceback bila terjadi galat internal.")
def cli(debug: bool) -> None:
    """Menyusun dokumen Indikator Kinerja Utama (IKU) kecamatan dari satu berkas YAML.

    \b
    Contoh:
      ikugen validate examples/kaloran.yaml
      ikugen build examples/kaloran.yaml -o IKU.docx
    """


_EXPLAIN_HELP = "Tunjukkan asal setiap nilai (berkas:baris), termasuk nilai warisan dari 'dasar'."
# `validate` and `build` take the same two: what a build would read is what validate checks.
_layout_option = click.option("--layout", type=click.Choice(["standar", "keputusan"]),
                              help="Tata letak dokumen; menggantikan dokumen.tata_letak di spesifikasi.")
_templates_option = click.option("--templates", "templates", metavar="FOLDER",
                                 type=click.Path(path_type=Path, file_okay=False),
                                 help="Folder templat kantor, dicari sebelum templat bawaan.")
_pictures_option = click.option("--gambar", "pictures", metavar="FOLDER",
                                type=click.Path(path_type=Path, file_okay=False),
                                help="Folder gambar bersama (mis. lambang kabupaten), selain folder "
                                     "spesifikasi dan subfoldernya.")


def _options(layout: Optional[str], templates: Optional[Path], reference: Optional[Path] = None,
             pictures: Optional[Path] = None, toc_pages: bool = False) -> Options:
    from ikugen.pipeline import Options

    named = ((templates, "folder templat"), (reference, "dokumen acuan"), (pictures, "folder gambar"))
    for path, what in named:
        if path is not None and not path.exists():
            raise UsageError(f"{path}: {what} tidak ditemukan")
    return Options(layout, templates, reference, pictures, toc_pages)


def _spec_files(paths: tuple[Path, ...]) -> list[Path]:
    """Files named, with each folder replaced by its *.yaml files."""
    from ikugen.kabupaten.pool import expand

    return expand(paths)


@cli.command()
@click.argument("berkas", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--strict", is_flag=True, help="Peringatan juga dianggap gagal.")
@click.option("--format", "fmt", type=click.Choice(["teks", "json"]), default="teks",
              show_default=True, help="Bentuk laporan: teks (satu masalah per baris) atau json.")
@click.option("--abaikan", "--ignore", "skip", multiple=True, metavar="KODE",
              help="Lewati pemeriksaan dengan kode ini (atau namanya, mis. formula-missing); boleh diulang.")
@click.option("--jelaskan", "explain", is_flag=True, help=_EXPLAIN_HELP)
@click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N",
              help="Periksa N berkas sekaligus (bawaan: jumlah inti prosesor).")
@_layout_option
@_templates_option
@_pictures_option
def validate(berkas: tuple[Path, ...], strict: bool, fmt: str, skip: tuple[str, ...], explain: bool,
             jobs: Optional[int], layout: Optional[str], templates: Optional[Path],
             pictures: Optional[Path]) -> int:
    """Periksa satu atau beberapa berkas spesifikasi (atau folder berisi *.yaml)."""
    from ikugen.kabupaten.pool import check_all, default_workers
    from ikugen.pipeline import load_spec

    options = _options(layout, templates, None, pictures)
    files = _spec_files(berkas)
    problems: list[Problem] = []
    silenced: list[Silenced] = []  # warnings a spec's own `abaikan` entries silenced: shown with the reason
    report: list[Union[Problem, Silenced]] = []  # both, per file in the order given, each file's by position
    if explain:
        from ikugen.spec.origins import explain as origins

        for path in files:  # where each value came from, for the specs that load
            try:
                loaded = load_spec(path, str(path), skip, options)
            except SpecError:
                continue
            click.echo("\n".join(origins(loaded.spek, loaded.smap)))
    for found, quiet in check_all(files, skip, jobs or default_workers(), options):
        problems += found
        silenced += quiet
        report += sorted([*found, *quiet], key=lambda p: (p.file, p.line, p.column))
    errors = sum(p.severity == "galat" for p in problems)
    warnings = sum(p.severity == "peringatan" for p in problems)
    if fmt == "json":
        import json  # only for this report: `ikugen --help` does without it

        click.echo(json.dumps({"berkas": [str(f) for f in files], "galat": errors,
                               "peringatan": warnings, "masalah": [p.as_dict() for p in problems],
                               "diabaikan": [s.as_dict() for s in silenced]},
                              ensure_ascii=False, indent=2))
    else:
        for line in report:
            click.echo(line.text())
    verdict = "sah" if not problems else f"{errors} galat, {warnings} peringatan"
    verdict += f" ({len(silenced)} peringatan diabaikan)" if silenced else ""
    click.echo(f"{len(files)} berkas diperiksa: {verdict}", err=True)
    return exit_code(problems=problems, strict=strict)


@cli.command()
@click.argument("berkas", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "outputs", multiple=True, type=click.Path(path_type=Path), metavar="BERKAS",
              help="Berkas keluaran untuk satu spesifikasi: .docx, .md atau .pdf (boleh diulang). "
              "Bawaan: NAMA_SPEK.docx.")
@click.option("-k", "--keluaran", "folder", type=click.Path(path_type=Path, file_okay=False),
              metavar="FOLDER",
              help="Folder keluaran untuk banyak spesifikasi: FOLDER/NAMA_SPEK.docx (dibuat bila belum ada).")
@click.option("--format", "fmt", multiple=True, type=click.Choice(["docx", "md", "pdf"]),
              help="Format keluaran bila tidak tersirat dari akhiran nama berkas; tanpa -o boleh diulang.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N",
              help="Banyak dokumen yang dibuat bersamaan (bawaan: jumlah inti prosesor).")
@click.option("--rekap", type=click.Path(path_type=Path, dir_okay=False), metavar="BERKAS",
              help="Juga tulis rekap IKU semua kecamatan dalam satu tabel (.docx atau .md).")
@click.option("--jelaskan", "explain", is_flag=True, help=_EXPLAIN_HELP)
@_layout_option
@_templates_option
@_pictures_option
@click.option("--reference-doc", "reference", type=click.Path(path_type=Path, dir_okay=False), metavar="DOCX",
              help="Dokumen Word acuan gaya (seperti --reference-doc pandoc).")
@click.option("--nomor-daftar-isi", "toc_pages", is_flag=True,
              help="Isi nomor halaman daftar isi DOCX walau tanpa PDF (perlu LibreOffice); dengan -o x.pdf "
                   "nomor itu selalu diisi.")
@click.option("--strict", is_flag=True,
              help="Peringatan juga menghentikan pembuatan dokumen (termasuk temuan pada halaman PDF).")
@click.option("--abaikan", "--ignore", "skip", multiple=True, metavar="KODE",
              help="Lewati pemeriksaan dengan kode ini.")
def build(berkas: tuple[Path, ...], outputs: tuple[Path, ...], folder: Optional[Path], fmt: tuple[str, ...],
          jobs: Optional[int], rekap: Optional[Path], explain: bool, layout: Optional[str],
          templates: Optional[Path], pictures: Optional[Path], reference: Optional[Path], toc_pages: bool,
          strict: bool, skip: tuple[str, ...]) -> int:
    """Susun dokumen IKU dari satu atau banyak spesifikasi (DOCX, Markdown, atau PDF).

    \b
    Satu spesifikasi:    ikugen build kaloran.yaml -o IKU.docx -o IKU.pdf
    Banyak spesifikasi:  ikugen build spek/ --keluaran dokumen/ --format pdf --rekap rekap.docx
    """
    from ikugen.writers.pdf import warm

    one = len(berkas) == 1 and folder is None and berkas[0].is_file()
    # The LibreOffice of one spec's PDF starts now, and comes up while the spec is loaded,
    # checked and rendered (a second or so a PDF); stopped if the build ends before the PDF.
    with warm(one and (toc_pages or "pdf" in fmt or any(o.suffix.lower() == ".pdf" for o in outputs))):
        return _build(berkas, outputs, folder, fmt, jobs, rekap, explain, layout, templates, pictures,
                      reference, toc_pages, strict, skip)


def _build(berkas: tuple[Path, ...], outputs: tuple[Path, ...], folder: Optional[Path], fmt: tuple[str, ...],
           jobs: Optional[int], rekap: Optional[Path], explain: bool, layout: Optional[str],
           templates: Optional[Path], pictures: Optional[Path], reference: Optional[Path], toc_pages: bool,
           strict: bool, skip: tuple[str, ...]) -> int:
    options = _options(layout, templates, reference, pictures, toc_pages)
    if rekap is not None and rekap.suffix.lower() not in (".docx", ".md"):
        raise UsageError(f"{rekap}: rekap ditulis sebagai .docx atau .md")
    if len(berkas) > 1 or folder is not None or any(b.is_dir() for b in berkas):
        if outputs:
            raise UsageError("-o hanya untuk satu spesifikasi; untuk banyak spesifikasi pakai "
                             "--keluaran FOLDER")
        return _build_many(berkas, folder or Path("."), fmt or ("docx",), jobs, options, strict, skip, rekap,
                           explain)
    return _build_single(berkas[0], outputs, fmt, options, strict, skip, rekap, explain)


def _build_single(berkas: Path, outputs: tuple[Path, ...], fmt: tuple[str, ...], options: Options,
                  strict: bool, skip: tuple[str, ...], rekap: Optional[Path], explain: bool) -> int:
    from ikugen.pipeline import FORMATS, check_targets, load_spec, refuse_under_strict
    from ikugen.pipeline import build as build_document

    if len(fmt) > 1 and outputs:
        raise UsageError("--format hanya sekali bila -o dipakai; tulis akhiran di nama berkas keluaran")
    targets = list(outputs) or [Path(berkas.stem + "." + f) for f in (fmt or ("docx",))]
    if len(fmt) == 1:
        suffix = "." + fmt[0]
        targets = [t if t.suffix.lower() == suffix else t.with_name(t.name + suffix) for t in targets]
    for target in targets:
        if target.suffix.lower() not in FORMATS:
            raise UsageError(f"{target}: akhiran tidak dikenal; pakai .docx, .md atau .pdf, atau --format")
    if not berkas.exists():
        raise UsageError(f"{berkas}: berkas tidak ditemukan")
    loaded = load_spec(berkas, str(berkas), skip, options)
    if explain:
        from ikugen.spec.origins import explain as origins

        click.echo("\n".join(origins(loaded.spek, loaded.smap)))
    for problem in loaded.warnings:
        click.echo(problem.text(), err=True)
    refuse_under_strict(loaded, strict)
    if rekap is not None:  # checked with the documents, before any of them is written
        check_targets(loaded, [rekap], options, others=targets)
    for problem in build_document(loaded, targets, options, strict):
        click.echo(problem.text(), err=True)
    if rekap is not None:
        from ikugen.kabupaten import recap

        recap.write([recap.entry(loaded)], rekap, options)
        targets.append(rekap)
    for target in targets:
        click.echo(f"ditulis: {target} ({max(1, target.stat().st_size // 1024)} KiB)", err=True)
    return exit_code()


def _build_many(berkas: tuple[Path, ...], folder: Optional[Path], formats: tuple[str, ...],
                workers: Optional[int], options: Options, strict: bool, skip: tuple[str, ...],
                rekap: Optional[Path], explain: bool) -> int:
    from ikugen.kabupaten.batch import build_many

    return build_many(berkas, folder, formats, workers, options, strict, skip, rekap, explain,
                      out=click.echo, err=lambda line: click.echo(line, err=True))


@cli.command("rekap")
@click.argument("berkas", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "target", required=True, type=click.Path(path_type=Path, dir_okay=False),
              metavar="BERKAS", help="Berkas rekap: .docx atau .md.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N",
              help="Banyak spesifikasi yang diperiksa bersamaan (bawaan: jumlah inti prosesor).")
@click.option("--templates", "templates", type=click.Path(path_type=Path, file_okay=False), metavar="FOLDER",
              help="Folder templat kantor (rekap.md.j2), dicari sebelum templat bawaan.")
@click.option("--reference-doc", "reference", type=click.Path(path_type=Path, dir_okay=False), metavar="DOCX",
              help="Dokumen Word acuan gaya.")
@click.option("--abaikan", "--ignore", "skip", multiple=True, metavar="KODE",
              help="Lewati pemeriksaan dengan kode ini.")
def rekap_command(berkas: tuple[Path, ...], target: Path, jobs: Optional[int], templates: Optional[Path],
                  reference: Optional[Path], skip: tuple[str, ...]) -> int:
    """Tulis rekap IKU dan target semua kecamatan dalam satu tabel, tanpa membuat dokumennya."""
    from ikugen.pipeline import Options

    if target.suffix.lower() not in (".docx", ".md"):
        raise UsageError(f"{target}: rekap ditulis sebagai .docx atau .md")
    options = Options(None, templates, reference)
    return _build_many(berkas, None, (), jobs, options, False, skip, target, False)


@cli.command()
@click.argument("nama")
@click.option("--dari", "example", type=click.Path(path_type=Path, dir_okay=False), metavar="SPEK",
              help="Spesifikasi yang dijadikan pola (bawaan: contoh Kecamatan Kaloran).")
@click.option("-o", "--output", "target", type=click.Path(path_type=Path, dir_okay=False), metavar="BERKAS",
              help="Berkas baru (bawaan: nama-kecamatan.yaml di folder ini); tidak pernah ditimpa.")
def init(nama: str, example: Optional[Path], target: Optional[Path]) -> int:
    """Buat spesifikasi baru untuk kecamatan NAMA, dengan tempat kosong 'ISI: ...' untuk diisi."""
    from ikugen.kabupaten.new_spec import create

    written, blanks = create(nama, example, target)
    click.echo(f"ditulis: {written}, dengan {blanks} nilai bertanda 'ISI:' yang harus diisi; "
               f"periksa dengan: ikugen validate {written}", err=True)
    return exit_code()


@cli.group(cls=_Group)
def templates() -> None:
    """Lihat dan salin templat bawaan, untuk diubah di folder kantor (--templates)."""


@templates.command("list")
def templates_list() -> int:
    """Daftar templat bawaan dan kegunaannya."""
    from ikugen.render.template_files import list_templates

    for name, note in list_templates():
        click.echo(f"{name:40} {note}".rstrip())
    return exit_code()


@templates.command("copy")
@click.argument("nama")
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False))
def templates_copy(nama: str, folder: Path) -> int:
    """Salin templat NAMA (berkas atau folder) ke FOLDER, tanpa menimpa."""
    from ikugen.render.template_files import copy_template

    for target in copy_template(nama, folder):
        click.echo(f"disalin: {target}", err=True)
    return exit_code()


@cli.command()
def schema() -> int:
    """Cetak JSON Schema spesifikasi (untuk editor dan CI)."""
    from ikugen.spec.json_schema import schema_text

    click.echo(schema_text(), nl=False)
    return exit_code()


from ikugen.cli.impor_command import impor  # noqa: E402 - a command of its own module, joined here

cli.add_command(impor)
