"""`ikugen impor LAMA.docx [-o spek.yaml]`: an old IKU document read into a draft spec."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import click

from ikugen.errors import UsageError, exit_code


@click.command("impor", options_metavar="[OPSI]")
@click.argument("berkas", type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--output", "target", type=click.Path(path_type=Path, dir_okay=False), metavar="BERKAS",
              help="Spesifikasi yang ditulis (bawaan: NAMA_DOKUMEN.yaml di folder ini); "
                   "tidak pernah ditimpa.")
def impor(berkas: Path, target: Optional[Path]) -> int:
    """Baca dokumen IKU lama (.docx, .doc, .odt, atau .pdf) menjadi draf spesifikasi.

    \b
    Nilai yang tidak ditemukan ditulis 'ISI: ...' (dilaporkan `ikugen validate`), dan setiap
    nilai yang dibaca diberi komentar asalnya (tabel, baris, paragraf).
    Contoh:  ikugen impor IKU-2020.docx -o kaloran.yaml
    """
    from ikugen.impor import impor_document
    from ikugen.impor.guard import BadDocument

    if not berkas.exists():
        raise UsageError(f"{berkas}: berkas tidak ditemukan")
    try:
        summary = impor_document(berkas, target)
    except BadDocument as exc:
        click.echo(f"{berkas}: galat: {exc}", err=True)
        return exit_code(exc)
    for note in summary.notes:
        click.echo(f"{summary.target}: peringatan: {note}", err=True)
    click.echo(f"ditulis: {summary.target}; periksa dengan: ikugen validate {summary.target}", err=True)
    click.echo(summary.line(), err=True)
    return exit_code()
