"""A table's column widths from what its columns hold, in twips.

A template's <col width> is a guess made before the data is known: a column of one-word cells
("Camat", "Data primer dari Kecamatan") beside a column of long definitions would wrap the short
column to three lines next to an empty one. So a data table's columns share the page's width in
proportion to the text each holds (a column with twice the text gets twice the width), then width
is moved between columns while that makes the table lower (fewer lines in its fullest cells), within
bounds: never narrower than its longest
word (its header's whole words, which are not hyphenated), never wider than MAX_SHARE of the table.
The same table always gets the same widths.

A layout grid (class="polos": the decree's blocks) and a table with cells spanning columns in its
body (the IKU form's header) keep the template's widths; so does a table whose longest words
cannot all fit side by side.
"""

from __future__ import annotations

import math
from typing import Optional

from ikugen.spec.html_table import Cell, Table

MAX_SHARE = 0.45
# Twips per character of IsiTabel (10 pt Arial): about half an em on average, wider for the longest
# word (capitals and wide letters), wider again in the bold header (in a wider typeface than Arial too:
# an office's Bookman, or the DejaVu Sans that stands in for it).
_CHAR, _WORD_CHAR, _HEADER_CHAR = 100, 125, 150
_WRAP_LOSS = 3 * _CHAR  # what a line loses on average where it wraps before a word that does not fit
_PAD = 230  # the cell's left and right margins (85 twips each), and a little air
_HYPHENATED = 14  # a body word longer than this is hyphenated (hyphen-id), not kept on one line


def column_widths(table: Table, total: int) -> list[int]:
    """Each column's width; the widths add up to `total`."""
    widths = None if table.plain else _from_content(table, total)
    if widths is None:
        n = table.columns
        shares = table.widths or [100.0 / n] * n
        widths = [int(total * s / sum(shares)) for s in shares]
    widths[-1] += total - sum(widths)  # rounding never makes the table wider than the page
    return widths


def _text(cell: Cell) -> str:
    return " ".join("".join(text for text, _ in cell.runs).split())


def _from_content(table: Table, total: int) -> Optional[list[int]]:
    n = table.columns
    body = table.rows[table.header_rows:]
    if not body or any(cell.colspan > 1 for row in body for cell in row):
        return None
    text = [[0.0] * n for _ in body]  # twips of text of each column in each body row
    least = [float(_PAD)] * n
    for r, row in enumerate(table.rows):
        col = 0
        for cell in row:
            words = [len(w) for w in _text(cell).split()] or [0]
            if cell.header:
                least[col] = max(least[col], max(words) * _HEADER_CHAR + _PAD)
            else:
                least[col] = max(least[col], min(max(words), _HYPHENATED) * _WORD_CHAR + _PAD)
            if r >= table.header_rows and not cell.continues:  # a merged cell's text over its rows
                span = min(cell.rowspan, len(body) - (r - table.header_rows))
                for k in range(span):
                    text[r - table.header_rows + k][col] += len(_text(cell)) * _CHAR / span
            col += cell.colspan
    if sum(least) > total:
        return None
    most = max(MAX_SHARE * total, max(least))
    widths = _shared([max(sum(t[c] for t in text), 1.0) for c in range(n)], least, most, total)
    if len(body) * n * n <= _SEARCH_LIMIT:
        widths = _lowest(widths, text, least, most, total)
    return [int(w) for w in widths]


def _shared(demand: list[float], least: list[float], most: float, total: int) -> list[float]:
    """`total` shared in proportion to `demand`; a column below its least or above the most is
    fixed there and the rest shared again."""
    n = len(demand)
    fixed: dict[int, float] = {}
    while True:
        free = [c for c in range(n) if c not in fixed]
        if not free:
            break
        room = total - sum(fixed.values())
        share = {c: room * demand[c] / sum(demand[k] for k in free) for c in free}
        narrow = {c: least[c] for c in free if share[c] < least[c]}
        wide = {c: most for c in free if share[c] > most}
        if not narrow and not wide:
            fixed.update(share)
            break
        fixed.update(narrow or wide)
    leftover = total - sum(fixed.values())  # every column at a bound: the rest by demand after all
    return [fixed[c] + leftover * demand[c] / sum(demand) for c in range(n)]


_SEARCH_LIMIT = 6_000  # rows x columns^2: above it (a second or more), the shares by demand are kept
_STEPS = 40  # the search moves a fortieth of the width at a time, at most this many times


def _height(widths: list[float], text: list[list[float]],
            lines: Optional[list[dict[float, list[int]]]] = None) -> float:
    """The table's height in lines (each row as high as its fullest cell), and a little of its
    next fullest: so that of two cells as full, widening one is a step towards a lower row.

    `lines` keeps, per column and width, the lines of each row's cell: the search below tries
    each width of a column many times."""
    lines = lines if lines is not None else [{} for _ in widths]
    columns = []
    for c, w in enumerate(widths):
        known = lines[c].get(w)
        if known is None:
            room = max(w - _PAD - _WRAP_LOSS, 1.0)
            known = lines[c][w] = [math.ceil(row[c] / room) if row[c] else 1 for row in text]
        columns.append(known)
    height = 0.0
    for row_lines in zip(*columns, strict=True):
        ordered = sorted(row_lines, reverse=True)
        height += ordered[0] + 0.3 * sum(ordered[1:2]) + 0.05 * sum(ordered[2:])
    return height


def _lowest(widths: list[float], text: list[list[float]], least: list[float], most: float,
            total: int) -> list[float]:
    """From `widths`, width moved from column to column while it makes the table lower."""
    step = total / _STEPS
    lines: list[dict[float, list[int]]] = [{} for _ in widths]
    best = _height(widths, text, lines)
    for _ in range(_STEPS):
        found = None
        for give in range(len(widths)):
            if widths[give] - step < least[give]:
                continue
            for take in range(len(widths)):
                if take == give or widths[take] + step > most:
                    continue
                trial = list(widths)
                trial[give] -= step
                trial[take] += step
                height = _height(trial, text, lines)
                if height < best:
                    best, found = height, trial
        if found is None:
            break
        widths = found
    return widths
