"""The one path from a spec file to its documents: read -> check -> view -> render -> write.

`load_spec` reads and checks a spec (everything it holds, and the template folders the
document will use, before any document work);
`outputs` turns a loaded spec into the bytes of each format; `build` writes them. The single
build, the batch workers and `validate` all go through these functions, so the `--strict`
policy and what a failure leaves behind are decided here, once:

- a spec with an error, or with a warning under `--strict`, produces nothing;
- every output is made in memory first and written only when all of its formats succeeded,
  each one atomically (a failure never leaves a half-written file or clobbers the last good one).
"""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Optional

from pydantic import ValidationError

from ikugen.checks import catalogue
from ikugen.checks.registry import Output, Silenced
from ikugen.errors import IkugenError, PageProblem, Problem, SpecError, UsageError
from ikugen.package_data import templates_dir
from ikugen.render import layout_data, office
from ikugen.spec import inherit, pictures, yaml_reader
from ikugen.spec.model import Spek
from ikugen.spec.pictures import Picture
from ikugen.spec.schema_errors import problems_from
from ikugen.writers.files import check_target, write_atomic

if TYPE_CHECKING:
    from ikugen.proof import Proof

FORMATS = {".docx": "docx", ".md": "md", ".pdf": "pdf"}
STRICT_REFUSED = "dokumen tidak dibuat: ada peringatan dan --strict dipakai"


@dataclass(frozen=True)
class Options:
    layout: Optional[str] = None         # overrides dokumen.tata_letak
    templates: Optional[Path] = None     # an office's template folder, searched first
    reference: Optional[Path] = None     # an office's reference .docx
    pictures: Optional[Path] = None      # a shared folder pictures may also come from (--gambar)
    toc_pages: bool = False              # lay a DOCX out (LibreOffice) to number its TOC, no PDF asked


@dataclass(frozen=True)
class Loaded:
    """A valid spec, where it came from, its warnings, and the warnings it silenced itself."""

    spek: Spek
    path: Path
    smap: yaml_reader.SourceMap
    warnings: list[Problem]
    silenced: list[Silenced] = field(default_factory=list)
    pictures: dict[str, Picture] = field(default_factory=dict)  # read by the load, placed by the writer
    previous: Optional[Loaded] = None  # the spec `dokumen.sebelumnya` names, loaded and checked


class SpecProblems(SpecError):
    """A spec with errors; it also carries the warnings its `abaikan` entries silenced."""

    def __init__(self, problems: list[Problem], silenced: list[Silenced]):
        super().__init__(problems)
        self.silenced = silenced


class StrictRefused(IkugenError):
    """`--strict` and a warning: the document is not made (the warnings were reported)."""

    def __init__(self) -> None:
        super().__init__(STRICT_REFUSED)


def load_spec(path: Path, shown: Optional[str] = None, skip: Iterable[str] = (),
              options: Optional[Options] = None, follow: bool = True, warnings: bool = True) -> Loaded:
    """Read and check one spec; raise SpecError listing every problem if any is an error.

    `skip` names checks to leave out (codes or slugs, see `catalogue.resolve_skip`). With the
    `options` of the build, everything the build will read is checked here too: the pictures
    the spec names, the template folders' data files and the syntax of the office's templates
    (all of them, so the layout changes nothing here). So `validate` and `build` agree on every
    spec, and a build stops before any document work. The spec `dokumen.sebelumnya` names is
    loaded and checked too (its errors are this spec's), unless `follow` is false (it is that
    previous spec: its own `sebelumnya` is not followed). Without `warnings`, only the checks that
    find errors run (the previous spec's warnings are not this run's).
    """
    options = options or Options()
    skipped = catalogue.resolve_skip(skip)
    shown = shown if shown is not None else str(path)
    text = yaml_reader.read_text(path, shown)  # kept: IKU108 reads the editor's line in it
    data, smap = yaml_reader.parse(text, shown)
    data, smap = inherit.resolve(data, smap, path)
    try:
        spek = Spek.model_validate(data)
    except ValidationError as exc:
        problems = catalogue.refine_schema_problems(problems_from(exc, data, smap, Spek), data, smap)
        # Identifier checks need only the source map, so they report alongside schema errors.
        problems += [p for p in catalogue.run_source(smap) if p.code not in skipped]
        raise SpecError(problems) from None
    previous, previous_problems = _previous(spek, path, smap, skip, options) if follow else (None, [])
    outcome = catalogue.run(spek, smap, skipped, output=_output(spek, options), source=(path, text),
                            previous=(previous.spek, previous.smap) if previous else None,
                            errors_only=not warnings)
    outcome.problems.extend(previous_problems)
    # The files the spec names are part of it: a missing or unusable picture fails `validate` too.
    found, picture_problems = pictures.spec_pictures(spek, path.parent, smap, options.pictures)
    outcome.problems.extend(picture_problems)
    outcome.problems.extend(office.problems(options.templates, own_order=bool(spek.susunan)))
    if any(p.severity == "galat" for p in outcome.problems):
        raise SpecProblems(outcome.problems, outcome.silenced)
    return Loaded(spek, path, smap, sorted(outcome.problems), outcome.silenced, found, previous)


def _previous(spek: Spek, path: Path, smap: yaml_reader.SourceMap, skip: Iterable[str],
              options: Options) -> tuple[Optional[Loaded], list[Problem]]:
    """The spec `dokumen.sebelumnya` names (relative to this spec's file, like `dasar`), loaded and
    checked as an input of the run; its errors, and why it cannot be used, are problems (IKU720)."""
    ref = spek.dokumen.sebelumnya
    if ref is None:
        return None, []
    at = ("dokumen", "sebelumnya")
    written = smap.files.get(at)  # inherited from a base: relative to that base, as its `dasar` is
    target = (Path(written).parent if written else path.parent) / ref
    shown = os.path.normpath(os.path.join(os.path.dirname(written or smap.file), ref))
    real = inherit.real_path(target)
    if real is not None and real == inherit.real_path(path):
        return None, [smap.problem(at, "IKU720", "'sebelumnya' menunjuk spesifikasi ini sendiri",
                                   hint="tulis berkas spesifikasi IKU yang diubah oleh IKU Perubahan ini")]
    try:
        previous = load_spec(target, shown, skip, Options(pictures=options.pictures), follow=False,
                             warnings=False)
    except SpecError as exc:
        errors = [p for p in exc.problems if p.severity == "galat"]
        return None, [smap.problem(at, "IKU720", f"spesifikasi sebelumnya {shown} memuat {len(errors)} galat",
                                   hint="betulkan dulu galatnya (tercantum di bawah)"), *errors]
    except UsageError as exc:
        return None, [smap.problem(at, "IKU720", f"spesifikasi sebelumnya tidak dapat dipakai: {exc}")]
    old, new = previous.spek.profil, spek.profil
    if (old.kecamatan, old.kabupaten) != (new.kecamatan, new.kabupaten):
        return None, [smap.problem(at, "IKU720", f"spesifikasi sebelumnya {shown} milik Kecamatan "
                                   f"{old.kecamatan} {old.kabupaten}, bukan Kecamatan {new.kecamatan} "
                                   f"{new.kabupaten}", hint="IKU Perubahan mengubah IKU kecamatan yang sama")]
    return previous, []


def _output(spek: Spek, options: Options) -> Output:
    """The layout and the chapters the build will use, for the checks that speak of the document."""
    layout = options.layout or spek.dokumen.tata_letak
    chapters = spek.susunan
    if not chapters:
        try:
            chapters = layout_data.default_order(str(options.templates or "") or None)
        except SpecError:  # an office's own order that cannot be read: office.problems says so
            return Output(layout)
    return Output(layout, catalogue.sections(chapters))


def refuse_under_strict(loaded: Loaded, strict: bool) -> None:
    """The `--strict` policy, for every command that makes documents."""
    if strict and loaded.warnings:
        raise StrictRefused()


def reference_doc(options: Options) -> Path:
    return options.reference or templates_dir() / "referensi.docx"


def markdown(loaded: Loaded, options: Options) -> str:
    # Imported here: `validate` needs neither the view nor the renderer (~8 ms of its start).
    from ikugen.render.document import render
    from ikugen.view.document import view

    doc = view(loaded.spek, loaded.previous.spek if loaded.previous else None)
    return render(doc, options.layout or loaded.spek.dokumen.tata_letak, options.templates)


def docx_bytes(loaded: Loaded, text: str, options: Options, toc_pages: Optional[list[str]] = None) -> bytes:
    from ikugen.writers.docx import Properties, build_docx

    spek = loaded.spek
    p = spek.profil
    kind = ("Perubahan Indikator Kinerja Utama" if spek.dokumen.jenis == "iku-perubahan"
            else "Indikator Kinerja Utama")
    period = spek.dokumen.periode
    props = Properties(
        title=f"{kind} Kecamatan {p.kecamatan} Tahun {period.awal}-{period.akhir}",
        subject=f"IKU Kecamatan {p.kecamatan}, {p.jenis_daerah.capitalize()} {p.kabupaten}",
        author=f"Kecamatan {p.kecamatan}",
        when=document_time(spek.dokumen.tanggal or str(spek.dokumen.periode.awal)),
    )
    return build_docx(text, paper=spek.dokumen.kertas, reference=reference_doc(options),
                      base_dir=loaded.path.parent, props=props, pictures=loaded.pictures, toc_pages=toc_pages)


def document_time(tanggal: str) -> datetime.datetime:
    """A document's date ("2020-01-15", "2020-01" or "2020") as the time its properties carry."""
    year, month, day = (list(map(int, tanggal.split("-"))) + [1, 1])[:3]
    return datetime.datetime(year, month, day, tzinfo=datetime.timezone.utc)


def inputs(loaded: Loaded, options: Options) -> list[Path]:
    """Every file a build of `loaded` reads: the spec, its bases, its pictures, the reference
    document and the office's templates. No output of the same run may be one of them."""
    read = [loaded.path, *map(Path, sorted(set(loaded.smap.files.values())))]
    if loaded.previous:  # the spec an IKU Perubahan revises, and its bases: never an output
        read += [loaded.previous.path, *map(Path, sorted(set(loaded.previous.smap.files.values())))]
    read += [picture.path for picture in loaded.pictures.values()]
    if options.reference:
        read.append(options.reference)
    if options.templates and options.templates.is_dir():
        read += [p for p in options.templates.rglob("*") if p.is_file()]
    return read


def check_targets(loaded: Loaded, targets: Iterable[Path], options: Options,
                  others: Iterable[Path] = ()) -> None:
    """Refuse, before any work, an output that cannot be written, that is one of the inputs, or
    that another output of the run (`targets` and `others`) also names."""
    read = inputs(loaded, options)
    named: list[Path] = list(others)
    for target in targets:
        check_target(target, read, named)
        named.append(target)


def kind(target: Path) -> str:
    return FORMATS[target.suffix.lower()]


@dataclass
class Made:
    """A spec's document in each format asked for, and its PDF's pages where it was laid out."""

    files: dict[str, bytes]
    proof: Optional[Proof] = None
    laid_out: bool = False  # LibreOffice made a PDF (the proof is None without pdftotext)


def render_formats(loaded: Loaded, kinds: set[str], options: Options) -> Made:
    """The document in each format of `kinds` ("md", "docx", "pdf"), rendered once. When a PDF
    is made (or `options.toc_pages`), its pages are read back, and a DOCX asked for carries the
    page numbers of the PDF's table of contents."""
    text = markdown(loaded, options)
    made = Made({})
    if "md" in kinds:
        made.files["md"] = text.encode("utf-8")
    if kinds & {"docx", "pdf"}:
        made.files["docx"] = docx_bytes(loaded, text, options)
    if "pdf" in kinds or (options.toc_pages and "docx" in kinds):
        from ikugen.proof import proofread
        from ikugen.writers.pdf import docx_to_pdf

        pdf = docx_to_pdf(made.files["docx"])
        if "pdf" in kinds:
            made.files["pdf"] = pdf
        made.laid_out, made.proof = True, proofread(pdf, text, made.files["docx"])
        if made.proof and "docx" in kinds:
            made.files["docx"] = docx_bytes(loaded, text, options, made.proof.toc_numbers())
    if "docx" not in kinds:
        made.files.pop("docx", None)
    return made


def outputs(loaded: Loaded, targets: Iterable[Path], options: Options) -> tuple[dict[Path, bytes], Made]:
    """Each target's bytes; a .pdf target is converted by LibreOffice here."""
    targets = list(targets)
    made = render_formats(loaded, {kind(t) for t in targets}, options)
    return {target: made.files[kind(target)] for target in targets}, made


def build(loaded: Loaded, targets: list[Path], options: Options, strict: bool = False) -> list[PageProblem]:
    """Every target of one spec; nothing is written unless every format succeeded. Returns what
    its PDF's pages show that a person would reject; under `strict` those refuse the build."""
    check_targets(loaded, targets, options)
    files, made = outputs(loaded, targets, options)
    pdf = next((t for t in targets if kind(t) == "pdf"), None)
    problems = made.proof.problems(str(pdf)) if made.proof and pdf else []
    if pdf and made.laid_out and made.proof is None:
        from ikugen.proof import not_checked

        problems = [not_checked(str(pdf))]
    if strict and problems:
        raise SpecError(problems)
    for target, data in files.items():
        write_atomic(target, data)
    return problems
