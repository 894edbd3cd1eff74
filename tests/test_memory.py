"""A batch of thousands of specs holds one spec's data at a time: what a spec's model and checks
keep after it is done is measured, not guessed (tracemalloc), over specs with texts of their own."""

from __future__ import annotations

import gc
import tracemalloc

from conftest import EXAMPLES

from ikugen.checks import catalogue
from ikugen.spec import yaml_reader
from ikugen.spec.model import Spek


def _variants(n: int) -> list[dict]:
    """kaloran.yaml n times, every desa named anew (distinct texts, as in a real batch)."""
    text = (EXAMPLES / "kaloran.yaml").read_text(encoding="utf-8")
    data, _ = yaml_reader.parse(text, "kaloran.yaml")
    out = []
    for i in range(n):
        copy = dict(data)
        copy["wilayah"] = [{**w, "nama": f"{w['nama']} {i:04d}"} for w in data["wilayah"]]
        out.append(copy)
    return out


def _kept_per_spec(step, items) -> float:
    """Bytes kept for each item after the first: a cache of the last item's (a constant) is not
    counted, what grows with the items is."""
    for item in items[:20]:  # first calls fill what is built once (schemas, regexes)
        step(item)
    tracemalloc.start()
    try:
        sizes = []
        for part in (items[20:40], items[40:]):
            for item in part:
                step(item)
            gc.collect()
            sizes.append(tracemalloc.get_traced_memory()[0])
        return (sizes[1] - sizes[0]) / (len(items) - 40)
    finally:
        tracemalloc.stop()


def test_the_model_keeps_nothing_of_a_spec_once_it_is_done():
    # pydantic's str_strip_whitespace kept ~46 bytes of every distinct text: 2.2 KiB a spec.
    assert _kept_per_spec(Spek.model_validate, _variants(120)) < 64


def test_the_checks_keep_nothing_of_a_spec_once_it_is_done():
    text = (EXAMPLES / "kaloran.yaml").read_text(encoding="utf-8")
    _, smap = yaml_reader.parse(text, "kaloran.yaml")
    kept = _kept_per_spec(lambda data: catalogue.run(Spek.model_validate(data), smap), _variants(100))
    assert kept < 1024  # the goal of issue 18 for a whole batch document: < 1 KiB
