"""A batch's PDFs: made from the workers' DOCX in one LibreOffice run, then each read back and
finished as a single build finishes its PDF (pipeline.render_formats and pipeline.build): its
pages checked (IKU95x), and its DOCX, where one is asked for, numbered from the PDF's table of
contents. Under `--strict` a PDF with such a finding is not written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ikugen.errors import IkugenError

if TYPE_CHECKING:
    from pathlib import Path

    from ikugen.kabupaten.pool import Job, Result


def make(todo: list[tuple[Result, Job]]) -> None:
    """One LibreOffice run for every PDF; if it fails, each document it was to make says why."""
    if not todo:
        return
    from ikugen.writers.pdf import convert_many

    try:
        pdfs = convert_many([r.docx for r, _ in todo])  # type: ignore[misc]
    except IkugenError as exc:
        for r, _ in todo:
            r.error = str(exc)
        return
    for (result, job), data in zip(todo, pdfs, strict=True):
        try:
            _finish(result, job, data)
        except IkugenError as exc:
            result.error = str(exc)
        result.docx = None


def _finish(result: Result, job: Job, pdf: bytes) -> None:
    from ikugen import pipeline
    from ikugen.proof import not_checked, proofread
    from ikugen.writers.files import write_atomic

    assert job.pdf is not None and result.docx is not None
    proof = proofread(pdf, result.markdown, result.docx)
    result.page_problems = proof.problems(str(job.pdf)) if proof else [not_checked(str(job.pdf))]
    if job.strict and result.page_problems:
        result.error = pipeline.STRICT_REFUSED
        return
    docx = _docx_target(job)
    if proof and docx is not None:  # the DOCX the worker wrote, again with its TOC's page numbers
        loaded = pipeline.load_spec(job.spec, str(job.spec), job.skip, job.options)
        write_atomic(docx, pipeline.docx_bytes(loaded, result.markdown, job.options, proof.toc_numbers()))
    write_atomic(job.pdf, pdf)
    result.written.append(job.pdf)


def _docx_target(job: Job) -> Path | None:
    return next((t for t in job.targets if t.suffix.lower() == ".docx"), None)
