"""pydantic's validation errors, told in Bahasa Indonesia at the line and column of the value.

Messages are built from `errors(include_input=False)` and from our own short view of the
input, never from `str(ValidationError)`, which prints the whole (possibly alias-expanded) input.
"""

from __future__ import annotations

import difflib
import typing
from typing import Any, Optional

from pydantic import BaseModel, ValidationError

from .errors import Problem, shorten
from .model import CUSTOM_ERRORS
from .source import SourceMap, kind_name


def problems_from(exc: ValidationError, data: Any, smap: SourceMap, model: type[BaseModel]) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[tuple] = set()
    for error in exc.errors(include_input=False, include_url=False):
        loc, on_key = _data_path(error["loc"], data)
        if (loc, on_key) in seen:  # a union reports once per member: one message is enough
            continue
        seen.add((loc, on_key))
        value = _value_at(data, loc)
        message, hint, at_key = _message(error, loc, value, model, on_key)
        problems.append(smap.problem(loc, "IKU011" if error["type"] != "extra_forbidden" else "IKU012",
                                     message, hint=hint, key=at_key))
    return problems


def _data_path(loc: tuple, data: Any) -> tuple[tuple, bool]:
    """The part of pydantic's `loc` that names real data; union and validator tags dropped."""
    path: list = []
    node = data
    on_key = False
    for part in loc:
        if part == "[key]":
            on_key = True
            break
        if isinstance(node, dict) and isinstance(part, str):
            path.append(part)
            node = node.get(part)
        elif isinstance(node, dict) and isinstance(part, int) and str(part) in node:
            path.append(str(part))
            node = node[str(part)]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            path.append(part)
            node = node[part]
        elif isinstance(node, (dict, list)):
            path.append(part)  # a missing field: keep its name for the message
            node = None
    return tuple(path), on_key


def _value_at(data: Any, loc: tuple) -> Any:
    node = data
    for part in loc:
        if isinstance(node, dict):
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
        else:
            return None
    return node


def _fields(model: type[BaseModel], loc: tuple) -> list[str]:
    """Field names of the model that sits at `loc` (for 'did you mean')."""
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(part) if isinstance(part, str) else None
            if field is None:
                return []
            current = field.annotation
        elif typing.get_origin(current) in (list, dict):
            current = typing.get_args(current)[-1]
        else:
            return []
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _unwrap(tp: Any) -> Any:
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin is typing.Union:
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            if len(args) != 1:
                return tp
            tp = args[0]
        else:
            return tp


def suggest(word: str, choices: list[str]) -> Optional[str]:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return close[0] if close else None


def _message(error: dict, loc: tuple, value: Any, model: type[BaseModel],
             on_key: bool) -> tuple[str, Optional[str], bool]:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    name = loc[-1] if loc else ""
    got = kind_name(value)
    if on_key:
        return f"kunci '{shorten(name, 30)}' harus berupa tahun (bilangan bulat)", None, True
    if kind == "missing":
        return f"kunci wajib '{name}' belum diisi", None, False
    if kind == "extra_forbidden":
        allowed = _fields(model, loc[:-1])
        close = suggest(str(name), allowed)
        hint = f"maksud Anda `{close}`?" if close else (
            "kunci yang dikenal: " + ", ".join(allowed) if allowed else None)
        return f"kunci '{shorten(name, 40)}' tidak dikenal", hint, True
    if value is None and kind in ("string_type", "int_type", "model_type", "list_type",
                                  "dict_type", "literal_error", "model_attributes_type"):
        return f"'{name}' belum diisi (kosong)", None, False
    if kind == "string_type":
        return f"'{name}' harus berupa teks, bukan {got}", None, False
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"'{name}' harus berupa bilangan bulat, bukan {got}", None, False
    if kind == "greater_than_equal":
        return f"'{name}' paling kecil {ctx.get('ge')}", None, False
    if kind == "less_than_equal":
        return f"'{name}' paling besar {ctx.get('le')}", None, False
    if kind == "literal_error":
        options = [o.strip().strip("'") for o in str(ctx.get("expected", "")).replace(" or ", ", ").split(",")]
        close = suggest(str(value), options) if isinstance(value, str) else None
        hint = f"maksud Anda `{close}`?" if close else None
        return (f"nilai '{shorten(value, 40)}' untuk '{name}' tidak dikenal; pilihan: "
                + ", ".join(options)), hint, False
    if kind == "string_pattern_mismatch":
        return (f"pengenal '{shorten(value, 40)}' tidak sah", "pakai huruf, angka, _ . atau -, "
                "diawali huruf (mis. S1, camat, kasi_pem)", False)
    if kind == "string_too_short":
        return f"'{name}' tidak boleh kosong", None, False
    if kind == "string_too_long":
        return (f"'{name}' terlalu panjang ({len(value) if isinstance(value, str) else '?'} karakter; "
                f"batas {ctx.get('max_length')})"), None, False
    if kind == "too_short":
        return f"daftar '{name}' tidak boleh kosong", None, False
    if kind == "too_long":
        return f"daftar '{name}' terlalu panjang (batas {ctx.get('max_length')} butir)", None, False
    if kind == "list_type":
        return f"'{name}' harus berupa daftar (butir diawali '- '), bukan {got}", None, False
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"'{name}' harus berupa pemetaan (kunci: nilai), bukan {got}", None, False
    if kind in ("decimal_type", "decimal_parsing"):
        return f"'{name}' harus berupa angka atau teks singkat, bukan {got}", None, False
    if kind in CUSTOM_ERRORS:  # raised by model.py, already in Bahasa Indonesia
        return error["msg"], None, False
    return f"nilai '{name}' tidak sah ({kind})", None, False
