"""PyYAML's English syntax errors, told in Bahasa Indonesia at their line and column."""

from __future__ import annotations

import yaml

from .errors import Problem, shorten

# (fragment of PyYAML's message, Indonesian message, hint). First match wins.
_MESSAGES = [
    ("found character '\\t'", "karakter tab tidak boleh dipakai untuk indentasi",
     "ganti tab dengan spasi"),
    ("found a tab character", "karakter tab tidak boleh dipakai untuk indentasi",
     "ganti tab dengan spasi"),
    ("mapping values are not allowed", "tanda titik dua (:) tidak diharapkan di sini",
     "periksa indentasi, atau beri tanda kutip pada teks yang memuat ': '"),
    ("could not find expected ':'", "tanda titik dua (:) setelah kunci tidak ditemukan",
     "setiap baris pemetaan berbentuk 'kunci: nilai'"),
    ("did not find expected key", "indentasi tidak konsisten: kunci yang diharapkan tidak ada",
     "samakan indentasi baris ini dengan kunci lain pada tingkat yang sama"),
    ("did not find expected '-' indicator", "indentasi daftar tidak konsisten",
     "setiap butir daftar diawali '- ' pada kolom yang sama"),
    ("expected <block end>", "indentasi tidak konsisten",
     "samakan indentasi baris ini dengan baris lain pada tingkat yang sama"),
    ("found unexpected end of stream", "berkas berakhir sebelum tanda kutip atau kurung ditutup",
     "tutup tanda kutip atau kurung yang dibuka"),
    ("found unknown escape character", "urutan escape tidak dikenal dalam teks berkutip ganda",
     "pakai kutip tunggal ('...') atau tulis \\\\ untuk garis miring terbalik"),
    ("expected ',' or ']'", "daftar [ ... ] tidak ditutup dengan benar", "periksa koma dan ']'"),
    ("expected ',' or '}'", "pemetaan { ... } tidak ditutup dengan benar", "periksa koma dan '}'"),
    ("found duplicate anchor", "nama jangkar (&) dipakai dua kali", "beri nama yang berbeda"),
    ("cannot start any token", "karakter ini tidak boleh mengawali nilai YAML",
     "beri tanda kutip pada nilai ini"),
    ("expected alphabetic or numeric character", "nama jangkar/alias tidak sah",
     "beri tanda kutip pada nilai yang diawali '&' atau '*'"),
    ("found unexpected ':'", "tanda titik dua (:) tidak diharapkan di sini",
     "beri tanda kutip pada nilai ini"),
    ("while scanning a quoted scalar", "tanda kutip tidak ditutup", "tutup tanda kutip"),
    ("while scanning a simple key", "kunci tidak diikuti tanda titik dua (:)",
     "setiap baris pemetaan berbentuk 'kunci: nilai'"),
    ("expected the node content", "nilai yang diharapkan tidak ditemukan", None),
    ("expected a single document", "berkas memuat lebih dari satu dokumen YAML", None),
    ("unacceptable character", "berkas memuat karakter kendali yang tidak boleh ada",
     "hapus karakter itu atau simpan ulang berkas sebagai teks UTF-8"),
]


def translate(exc: yaml.YAMLError, text: str, shown: str) -> Problem:
    """One Problem for a PyYAML error, placed where PyYAML found it."""
    english = " ".join(str(part) for part in (getattr(exc, "context", None),
                                              getattr(exc, "problem", None)) if part)
    if isinstance(exc, yaml.reader.ReaderError):
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        english = str(exc.reason)
    else:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    for fragment, message, hint in _MESSAGES:
        if fragment in english:
            return Problem(shown, line, column, "galat", "IKU010", message, hint)
    return Problem(shown, line, column, "galat", "IKU010",
                   f"sintaks YAML tidak sah (PyYAML: {shorten(english, 80)})", None)
