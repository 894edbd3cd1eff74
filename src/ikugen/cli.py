"""The `ikugen` command: parse options, call the core, print, choose the exit code.

Exit codes: 0 success, 1 a problem in the user's input or output, 2 a usage error,
70 an internal error (a bug: traceback with --debug), 130 interrupted.
"""

from __future__ import annotations

import json
import sys
import traceback
from pathlib import Path
from typing import Optional

import click

from . import __version__, click_id
from .errors import IkugenError, Problem, SpecError, UsageError

REPORT_URL = "https://github.com/ikugen/ikugen/issues"


class _Command(click.Command):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", "[OPSI]")
        super().__init__(*args, **kwargs)


class _Group(click.Group):
    command_class = _Command

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", "[OPSI]")
        kwargs.setdefault("subcommand_metavar", "PERINTAH [ARGUMEN]...")
        super().__init__(*args, **kwargs)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="ikugen",
                      message="%(prog)s %(version)s", help="Tampilkan versi lalu keluar.")
@click.option("--debug", is_flag=True, help="Tampilkan traceback bila terjadi galat internal.")
def cli(debug: bool) -> None:
    """Menyusun dokumen Indikator Kinerja Utama (IKU) kecamatan dari satu berkas YAML.

    \b
    Contoh:
      ikugen validate examples/kaloran.yaml
      ikugen build examples/kaloran.yaml -o IKU.docx
    """


def _spec_files(paths: tuple[Path, ...]) -> list[Path]:
    """Files named, with each folder replaced by its *.yaml files."""
    from .batch import expand

    return expand(paths)


@cli.command()
@click.argument("berkas", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--strict", is_flag=True, help="Peringatan juga dianggap gagal.")
@click.option("--format", "fmt", type=click.Choice(["teks", "json"]), default="teks",
              show_default=True, help="Bentuk laporan: teks (satu masalah per baris) atau json.")
@click.option("--abaikan", "skip", multiple=True, metavar="KODE",
              help="Lewati pemeriksaan dengan kode ini (boleh diulang).")
def validate(berkas: tuple[Path, ...], strict: bool, fmt: str, skip: tuple[str, ...]) -> int:
    """Periksa satu atau beberapa berkas spesifikasi (atau folder berisi *.yaml)."""
    from .spec import load_spec

    files = _spec_files(berkas)
    problems: list[Problem] = []
    for path in files:
        try:
            problems += load_spec(path, str(path), skip).warnings
        except SpecError as exc:
            problems += exc.problems
    errors = sum(p.severity == "galat" for p in problems)
    warnings = len(problems) - errors
    if fmt == "json":
        click.echo(json.dumps({"berkas": [str(f) for f in files], "galat": errors,
                               "peringatan": warnings, "masalah": [p.as_dict() for p in problems]},
                              ensure_ascii=False, indent=2))
    else:
        for problem in problems:
            click.echo(problem.text())
    verdict = "sah" if not problems else f"{errors} galat, {warnings} peringatan"
    click.echo(f"{len(files)} berkas diperiksa: {verdict}", err=True)
    return 1 if errors or (strict and warnings) else 0


@cli.command()
@click.argument("berkas", type=click.Path(path_type=Path))
@click.option("-o", "--output", "outputs", multiple=True, type=click.Path(path_type=Path), metavar="BERKAS",
              help="Berkas keluaran: .docx, .md atau .pdf (boleh diulang). Bawaan: NAMA_SPEK.docx.")
@click.option("--format", "fmt", type=click.Choice(["docx", "md", "pdf"]),
              help="Format keluaran bila tidak tersirat dari akhiran nama berkas.")
@click.option("--layout", type=click.Choice(["standar", "keputusan"]),
              help="Tata letak dokumen; menggantikan dokumen.tata_letak di spesifikasi.")
@click.option("--templates", "templates", type=click.Path(path_type=Path, file_okay=False), metavar="FOLDER",
              help="Folder templat kantor, dicari sebelum templat bawaan.")
@click.option("--reference-doc", "reference", type=click.Path(path_type=Path, dir_okay=False), metavar="DOCX",
              help="Dokumen Word acuan gaya (seperti --reference-doc pandoc).")
@click.option("--strict", is_flag=True, help="Peringatan juga menghentikan pembuatan dokumen.")
@click.option("--abaikan", "skip", multiple=True, metavar="KODE", help="Lewati pemeriksaan dengan kode ini.")
def build(berkas: Path, outputs: tuple[Path, ...], fmt: Optional[str], layout: Optional[str],
          templates: Optional[Path], reference: Optional[Path], strict: bool, skip: tuple[str, ...]) -> int:
    """Susun dokumen IKU dari satu berkas spesifikasi (DOCX, Markdown, atau PDF)."""
    from .build import FORMATS, Options, build as build_document
    from .spec import load_spec

    targets = list(outputs) or [Path(berkas.stem + "." + (fmt or "docx"))]
    if fmt:
        targets = [t if t.suffix.lower() == "." + fmt else t.with_name(t.name + "." + fmt) for t in targets]
    for target in targets:
        if target.suffix.lower() not in FORMATS:
            raise UsageError(f"{target}: akhiran tidak dikenal; pakai .docx, .md atau .pdf, atau --format")
    for folder, what in ((templates, "folder templat"), (reference, "dokumen acuan")):
        if folder is not None and not folder.exists():
            raise UsageError(f"{folder}: {what} tidak ditemukan")
    if not berkas.exists():
        raise UsageError(f"{berkas}: berkas tidak ditemukan")
    loaded = load_spec(berkas, str(berkas), skip)
    for problem in loaded.warnings:
        click.echo(problem.text(), err=True)
    if strict and loaded.warnings:
        click.echo("dokumen tidak dibuat: ada peringatan dan --strict dipakai", err=True)
        return 1
    build_document(loaded, targets, Options(layout, templates, reference))
    for target in targets:
        click.echo(f"ditulis: {target} ({max(1, target.stat().st_size // 1024)} KiB)", err=True)
    return 0


@cli.group(cls=_Group)
def templates() -> None:
    """Lihat dan salin templat bawaan, untuk diubah di folder kantor (--templates)."""


@templates.command("list")
def templates_list() -> int:
    """Daftar templat bawaan dan kegunaannya."""
    from .template_files import list_templates

    for name, note in list_templates():
        click.echo(f"{name:40} {note}".rstrip())
    return 0


@templates.command("copy")
@click.argument("nama")
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False))
def templates_copy(nama: str, folder: Path) -> int:
    """Salin templat NAMA (berkas atau folder) ke FOLDER, tanpa menimpa."""
    from .template_files import copy_template

    for target in copy_template(nama, folder):
        click.echo(f"disalin: {target}", err=True)
    return 0


@cli.command()
def schema() -> int:
    """Cetak JSON Schema spesifikasi (untuk editor dan CI)."""
    from .jsonschema import schema_text

    click.echo(schema_text(), nl=False)
    return 0


def main(argv: Optional[list[str]] = None) -> None:
    click_id.install()
    args = sys.argv[1:] if argv is None else argv
    try:
        code = cli.main(args=args, prog_name="ikugen", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Dibatalkan.", err=True)
        code = 130
    except KeyboardInterrupt:
        click.echo("\nDibatalkan.", err=True)
        code = 130
    except click.ClickException as exc:
        exc.show()
        code = 2
    except UsageError as exc:
        click.echo(f"galat: {exc}", err=True)
        code = 2
    except SpecError as exc:
        for problem in exc.problems:
            click.echo(problem.text(), err=True)
        code = 1
    except IkugenError as exc:
        click.echo(f"galat: {exc}", err=True)
        code = 1
    except Exception:  # a bug in ikugen, not in the user's input
        if "--debug" in args:
            traceback.print_exc()
        click.echo("galat internal ikugen (ini kesalahan program, bukan kesalahan Anda); "
                   f"mohon laporkan di {REPORT_URL} dan jalankan ulang dengan --debug "
                   "untuk melihat rinciannya.", err=True)
        code = 70
    sys.exit(code if isinstance(code, int) else 0)
