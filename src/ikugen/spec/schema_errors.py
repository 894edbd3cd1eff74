"""pydantic's validation errors, told in Bahasa Indonesia at the line and column of the value.

Messages are built from `errors(include_input=False)` and from our own short view of the
input, never from `str(ValidationError)`, which prints the whole (possibly alias-expanded) input.
"""

from __future__ import annotations

import difflib
import typing
from typing import Any, Optional, Union

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from ikugen.errors import Problem, shorten
from ikugen.spec.model import CUSTOM_ERRORS
from ikugen.spec.yaml_reader import Path_, SourceMap, kind_name, value_at


def problems_from(exc: ValidationError, data: Any, smap: SourceMap, model: type[BaseModel]) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[tuple[Path_, bool]] = set()
    errors = _meant(exc.errors(include_input=False, include_url=False), data, model)
    for error in errors:
        loc, on_key = _data_path(error["loc"], data, error["type"] == "missing")
        if (loc, on_key) in seen:  # a union reports once per member: one message is enough
            continue
        seen.add((loc, on_key))
        value = value_at(data, loc)
        message, hint, at_key = _message(error, loc, value, model, on_key)
        problems.append(smap.problem(loc, "IKU011" if error["type"] != "extra_forbidden" else "IKU012",
                                     message, hint=hint, key=at_key))
    return problems


def _meant(errors: list[ErrorDetails], data: Any, model: type[BaseModel]) -> list[ErrorDetails]:
    """The errors of the one shape of a union the user evidently meant, at each union.

    A value that fits none of a union's shapes (a section: a built-in name, a renamed built-in,
    an office's own section) gets an error from every shape; only the errors of the shape
    closest to what was written are true for the user. A text meant the name; a mapping meant
    the shape that knows most of its keys.
    """
    by_union: dict[Path_, dict[str, list[ErrorDetails]]] = {}
    for error in errors:
        split = _union_split(error["loc"], data, error["type"] == "missing")
        if split:
            by_union.setdefault(split[0], {}).setdefault(split[1], []).append(error)
    dropped: set[int] = set()
    # Only unions with a mapping among their shapes: the others' first error says it all.
    by_union = {prefix: members for prefix, members in by_union.items() if len(members) > 1 and any(
        _fields(model, found[0]["loc"][:len(prefix) + 1]) for found in members.values())}
    for prefix, members in by_union.items():
        keep = _closest(prefix, members, data, model)
        dropped |= {id(e) for tag, found in members.items() if tag != keep for e in found}
        if keep is not None:
            said = _without_implied_missing(members[keep], model)
            dropped |= {id(e) for e in members[keep]} - {id(e) for e in said}
    kept = [e for e in errors if id(e) not in dropped]
    for prefix, members in by_union.items():
        if not any(id(e) not in dropped for found in members.values() for e in found):
            kept.append(_no_shape(prefix))
    return kept


def _union_split(loc: Path_, data: Any, missing: bool) -> Optional[tuple[Path_, str]]:
    """Where in `loc` a union's member tag stands: (data path before it, the tag)."""
    path: list[Union[str, int]] = []
    node = data
    for i, part in enumerate(loc):
        key, node = _step(node, part)
        if key is not None:
            path.append(key)
        elif missing and isinstance(node, dict) and i == len(loc) - 1:
            return None
        else:
            return (tuple(path), part) if isinstance(part, str) and part != "[key]" else None
    return None


def _step(node: Any, part: Union[str, int]) -> tuple[Optional[Union[str, int]], Any]:
    """One step of pydantic's `loc` into the data: (the key as the data has it, the value), or
    (None, `node`) when `part` is no place in the data (a union member's or a validator's tag)."""
    if isinstance(node, dict) and isinstance(part, str) and part in node:
        return part, node[part]
    if isinstance(node, dict) and isinstance(part, int) and str(part) in node:
        return str(part), node[str(part)]  # a target year: the YAML key is text
    if isinstance(node, list) and isinstance(part, int) and part < len(node):
        return part, node[part]
    return None, node


def _closest(prefix: Path_, members: dict[str, list[ErrorDetails]], data: Any,
             model: type[BaseModel]) -> Optional[str]:
    """The member tag of the shape the value at `prefix` was evidently written as, if any."""
    value = value_at(data, prefix)
    at = len(prefix) + 1  # pydantic's loc up to the member's tag
    if _colon_text(value) is not None:
        value = "text"  # a text YAML read as a mapping (": "): the text member is what was meant
    if not isinstance(value, dict):
        # A text, a number: the members that are not mappings; none if the value fits no kind.
        scalar = [tag for tag, found in members.items() if not _fields(model, found[0]["loc"][:at])]
        return scalar[0] if isinstance(value, str) and scalar else None
    scored = []
    for order, (tag, found) in enumerate(members.items()):
        fields = _fields(model, found[0]["loc"][:at])
        if fields:  # a text member is not what a mapping was written for
            known = sum(key in fields for key in value)
            close = sum(key not in fields and suggest(str(key), fields) is not None for key in value)
            scored.append((known + 0.5 * close, -order, tag))  # on a tie, the first shape
    return max(scored)[2] if scored else None


def _no_shape(prefix: Path_) -> ErrorDetails:
    return typing.cast(ErrorDetails, {"type": "union_shape", "loc": prefix, "msg": "", "ctx": {}})


def _without_implied_missing(found: list[ErrorDetails], model: type[BaseModel]) -> list[ErrorDetails]:
    """A missing key that a misspelt key next to it stands for is said once: by the misspelt key."""
    meant = set()
    for error in found:
        if error["type"] == "extra_forbidden":
            fields = _fields(model, error["loc"][:-1])
            close = suggest(str(error["loc"][-1]), fields)
            if close:
                meant.add(tuple(error["loc"][:-1]) + (close,))
    return [e for e in found if not (e["type"] == "missing" and tuple(e["loc"]) in meant)]


def _data_path(loc: Path_, data: Any, missing: bool = False) -> tuple[Path_, bool]:
    """The part of pydantic's `loc` that names real data; union and validator tags dropped."""
    path: list[Union[str, int]] = []
    node = data
    for i, part in enumerate(loc):
        if part == "[key]":
            return tuple(path), True
        key, node = _step(node, part)
        if key is not None:
            path.append(key)
        elif missing and isinstance(node, dict) and i == len(loc) - 1:
            path.append(part)  # a missing field: keep its name for the message
            node = None
        # else a union member's tag ('decimal', 'constrained-str'): not a place in the data
    return tuple(path), False


def _label(loc: Path_) -> str:
    """How a message names the value at `loc`: its key, a list item, or a year's target."""
    if len(loc) >= 2 and isinstance(loc[-1], int):
        return f"butir ke-{loc[-1] + 1} '{loc[-2]}'"
    if len(loc) >= 2 and loc[-2] == "target":
        return f"target tahun {loc[-1]}"
    return f"'{loc[-1]}'" if loc else "isi berkas"


def _fields(model: type[BaseModel], loc: Any) -> list[str]:
    """Field names of the model at pydantic's `loc` (for 'did you mean'); a union's member is
    named in `loc` by its tag."""
    current: Any = model
    if loc and isinstance(loc[0], int):
        loc = loc[1:]  # a list of `model` at the top: an office's susunan/standar.yaml
    for part in loc:
        current = _unwrap(current)
        if typing.get_origin(current) is typing.Union:
            named = [a for a in typing.get_args(current) if getattr(a, "__name__", None) == part]
            if named:
                current = named[0]
                continue
            return []
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


def _colon_text(value: Any) -> Optional[str]:
    """A list item YAML read as a one-key mapping because of ": " or a final ":", as written."""
    if not (isinstance(value, dict) and len(value) == 1):
        return None
    key, rest = next(iter(value.items()))
    if not isinstance(key, str) or not any(c.isspace() for c in key) or isinstance(rest, (dict, list)):
        return None
    line = f"{key}:" if rest is None else f"{key}: {rest}"
    return shorten(line.replace('"', '\\"'), 60)


def suggest(word: str, choices: list[str]) -> Optional[str]:
    """The choice closest to `word`, if close; English spellings are compared as they sound in
    Indonesian ("text" for `teks`, "cover" for `kover`)."""
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if not close:
        sounds = {_sound(c): c for c in choices}
        close = [sounds[c] for c in difflib.get_close_matches(_sound(word), list(sounds), n=1, cutoff=0.75)]
    return close[0] if close else None


def _sound(word: str) -> str:
    word = word.casefold()
    for english, indonesian in (("ph", "f"), ("x", "ks"), ("q", "k"), ("c", "k")):
        word = word.replace(english, indonesian)
    return word


def _message(error: ErrorDetails, loc: Path_, value: Any, model: type[BaseModel],
             on_key: bool) -> tuple[str, Optional[str], bool]:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    name = loc[-1] if loc else ""
    got = kind_name(value)
    label = _label(loc)
    if on_key:  # the only mappings keyed by something other than text: target years
        if kind in CUSTOM_ERRORS:  # the year's own message (spec/fields.py), in Indonesian
            return f"kunci '{shorten(name, 30)}': {error['msg']}", None, True
        return f"kunci '{shorten(name, 30)}' harus berupa tahun (bilangan bulat)", None, True
    if kind == "missing":
        return f"kunci wajib '{name}' belum diisi", None, False
    if kind == "extra_forbidden":
        allowed = _fields(model, error["loc"][:-1])
        close = suggest(str(name), allowed)
        hint = f"maksud Anda `{close}`?" if close else (
            "kunci yang dikenal: " + ", ".join(allowed) if allowed else None)
        return f"kunci '{shorten(name, 40)}' tidak dikenal", hint, True
    if value is None and kind in ("string_type", "int_type", "model_type", "list_type",
                                  "dict_type", "literal_error", "model_attributes_type"):
        return f"{label} belum diisi (kosong)", None, False
    written = _colon_text(value)
    if written is not None and kind in ("string_type", "literal_error"):
        return (f"{label} terbaca sebagai pemetaan (kunci: nilai), bukan teks: tanda titik dua yang diikuti "
                "spasi atau akhir baris menjadikan teks di depannya sebuah kunci",
                f"beri tanda kutip pada seluruh butir, mis. - \"{written}\"", False)
    if kind == "union_shape":
        return f"{label} harus berupa teks atau pemetaan (kunci: nilai), bukan {got}", None, False
    if kind == "string_type":
        return f"{label} harus berupa teks, bukan {got}", None, False
    if kind in ("int_parsing", "int_type", "int_from_float") or (
            isinstance(value, bool) and kind in ("greater_than_equal", "less_than_equal")):
        # pydantic reads true as 1: "paling kecil 1945" would hide that it was no number
        return f"{label} harus berupa bilangan bulat, bukan {got}", None, False
    if kind == "int_parsing_size":
        return f"{label} terlalu besar", None, False
    if kind == "greater_than_equal":
        return f"{label} paling kecil {ctx.get('ge')}", None, False
    if kind == "less_than_equal":
        return f"{label} paling besar {ctx.get('le')}", None, False
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace(" or ", ", ")
        options = [o.strip().strip("'") for o in expected.split(",")]
        if not isinstance(value, str):
            return f"{label} harus salah satu dari: {', '.join(options)}, bukan {got}", None, False
        close = suggest(value, options)
        hint = f"maksud Anda `{close}`?" if close else None
        return (f"nilai '{shorten(value, 40)}' untuk {label} tidak dikenal; pilihan: "
                + ", ".join(options)), hint, False
    if kind == "string_pattern_mismatch":
        return (f"pengenal '{shorten(value, 40)}' tidak sah", "pakai huruf, angka, _ . atau -, "
                "diawali huruf (mis. S1, camat, kasi_pem)", False)
    # A text field's length rule runs after its validator, so pydantic names it like a list's.
    if kind == "string_too_short" or (kind == "too_short" and isinstance(value, str)):
        return f"{label} tidak boleh kosong", None, False
    if kind == "string_too_long" or (kind == "too_long" and isinstance(value, str)):
        return (f"{label} terlalu panjang ({len(value) if isinstance(value, str) else '?'} karakter; "
                f"batas {ctx.get('max_length')})"), None, False
    if kind == "too_short":
        return f"daftar '{name}' tidak boleh kosong", None, False
    if kind == "too_long":
        return f"daftar '{name}' terlalu panjang (batas {ctx.get('max_length')} butir)", None, False
    if kind == "list_type":
        return f"{label} harus berupa daftar (butir diawali '- '), bukan {got}", None, False
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"{label} harus berupa pemetaan (kunci: nilai), bukan {got}", None, False
    if kind in ("decimal_type", "decimal_parsing"):
        return f"{label} harus berupa angka atau teks singkat, bukan {got}", None, False
    if kind in CUSTOM_ERRORS:  # raised by model.py, already in Bahasa Indonesia
        return error["msg"], None, False
    return f"nilai '{name}' tidak sah ({kind})", None, False
