"""The program indicators ("Indikator Kinerja Program"): each program with its indicators, their
definisi, rumus, sumber data and penanggung jawab, read from the table that lists them (a
program merged over its indicators, or typed once above them).

Reading and writing are two steps: `read` gives the programs as the table holds them, and
`entries` gives them in the spec's shape (`program: [{nama, indikator: [...]}]`), the
penanggung jawab mapped to position ids. `assemble.py` writes them only when the spec's model
has a `program` field that accepts that shape (`supported`); until then the summary tells how
many were found and not written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

from ikugen.impor.blocks import Block, Par
from ikugen.impor.draft import V
from ikugen.impor.tables import Row, Seen, _above, _header, _rows, of_programs
from ikugen.impor.words import fold

DETAILS = ("satuan", "definisi", "alasan", "rumus", "sumber_data", "tipe", "polaritas", "penanggung_jawab",
           "kondisi_awal", "target")


@dataclass
class Program:
    nama: V
    indikator: list[Row] = field(default_factory=list)


def tables(blocks: list[Block]) -> Iterator[Seen]:
    """The program indicator tables, each with its header and the paragraphs above it."""
    between: list[Block] = []  # the paragraphs since the last table
    for block in blocks:
        if isinstance(block, Par):
            between.append(block)
            continue
        start, names = _header(block)
        above, between = _above(between), []
        if of_programs(block, start, names, " ".join(above)):
            yield Seen("program", block, start, names, above)


def read(blocks: list[Block]) -> list[Program]:
    """Every program of the program indicator tables, in the document's order."""
    programs: dict[str, Program] = {}
    for seen in tables(blocks):
        start, names = seen.start, seen.names
        years = {c: int(n.split(":")[1]) for c, n in names.items() if n.startswith("tahun:")}
        for row in _rows(seen.table, start, names, years, None):
            nama = row.cells.get("program") or row.sasaran
            if nama is None:
                continue
            program = programs.setdefault(fold(str(nama.value)), Program(nama))
            program.indikator.append(row)
    return list(programs.values())


def entries(programs: list[Program], details: Callable[[dict[str, Any], Row], dict[str, Any]]
            ) -> list[dict[str, Any]]:
    """The programs in the spec's shape; `details` fills an indicator's cells (the penanggung
    jawab mapped to position ids, as for the IKU's indicators)."""
    out = []
    for program in programs:
        indikator = []
        for row in program.indikator:
            entry = details({"nama": row.nama}, row)
            indikator.append({k: v for k, v in entry.items() if k in ("nama", "_pj", *DETAILS)})
        out.append({"nama": program.nama, "indikator": indikator})
    return out


def supported(plain: list[dict[str, Any]]) -> bool:
    """Whether the spec's model has a `program` field that holds these programs."""
    from pydantic import TypeAdapter, ValidationError

    from ikugen.spec.model import Spek

    model_field = Spek.model_fields.get("program")
    if model_field is None or model_field.annotation is None:
        return False
    try:
        TypeAdapter(model_field.annotation).validate_python(plain)
    except ValidationError:
        return False
    return True
