"""PyYAML's English syntax errors, told in Bahasa Indonesia at their line and column."""

from __future__ import annotations

from typing import Any, Optional

import yaml

from ikugen.errors import Problem, shorten

# Messages that several of PyYAML's messages share: (Indonesian message, hint).
_TAG = ("tag YAML (diawali '!') tidak sah",
        "hapus tag itu, atau beri tanda kutip pada nilai ini")
_DIRECTIVE = ("direktif YAML (baris diawali '%') tidak didukung",
              "hapus baris itu, atau beri tanda kutip pada nilai yang diawali '%'")
_AFTER_END = ("isi tidak diharapkan setelah akhir dokumen YAML",
              "hapus baris '...' atau periksa indentasi baris ini")
_NOT_UTF8 = ("berkas memuat byte yang bukan teks UTF-8 yang sah",
             "simpan ulang berkas sebagai teks UTF-8")
_CONTROL = ("berkas memuat karakter kendali yang tidak boleh ada",
            "hapus karakter itu atau simpan ulang berkas sebagai teks UTF-8")
_BLOCK_SCALAR = ("penanda teks blok ('|' atau '>') tidak sah",
                 "setelah '|' atau '>' langsung ganti baris, lalu tulis teksnya menjorok di baris berikutnya")

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
    ("unacceptable character", *_CONTROL),
    ("invalid Unicode character escape code", "kode escape \\u tidak sah dalam teks berkutip ganda",
     "tulis karakternya langsung, atau hapus escape itu"),
    # The rest of libyaml's messages, so that no English reaches the user.
    ("expected hexdecimal number", "escape \\x, \\u atau \\U harus diikuti angka heksadesimal",
     "tulis karakternya langsung, atau tulis \\\\ untuk garis miring terbalik"),
    ("block sequence entries are not allowed", "butir daftar ('- ') tidak boleh ditulis di sini",
     "tulis butir daftar di baris baru di bawah kuncinya, menjorok dengan spasi"),
    ("mapping keys are not allowed", "tanda '?' tidak boleh ditulis di sini",
     "beri tanda kutip pada nilai yang diawali '?'"),
    ("expected node content", "nilai yang diharapkan tidak ditemukan", None),
    ("control characters are not allowed", *_CONTROL),
    ("while scanning a block scalar", *_BLOCK_SCALAR),
    ("directive", *_DIRECTIVE),
    ("incompatible YAML document", *_DIRECTIVE),
    ("version number", *_DIRECTIVE),
    (" a tag", *_TAG),
    ("undefined tag handle", *_TAG),
    ("expected <document start>", *_AFTER_END),
    ("found unexpected document indicator", "penanda dokumen ('---' atau '...') tidak diharapkan di sini",
     "beri tanda kutip pada teks yang diawali '---' atau '...'"),
    # Messages no entry above explains; after them, so that a known context still wins.
    ("input is too long", "berkas terlalu besar untuk dibaca", None),
    ("exceeded maximum nesting depth", "struktur terlalu dalam", "periksa indentasi dan kurung berkas"),
    ("UTF-8 octet", *_NOT_UTF8),
    ("UTF-8 sequence", *_NOT_UTF8),
    ("UTF-16", "berkas memuat teks UTF-16 yang terpotong", "simpan ulang berkas sebagai teks UTF-8"),
    ("invalid Unicode character", "berkas memuat karakter Unicode yang tidak sah",
     "simpan ulang berkas sebagai teks UTF-8"),
    ("special characters are not allowed", *_CONTROL),
    ("escape sequence of", "escape \\x, \\u atau \\U harus diikuti angka heksadesimal",
     "tulis karakternya langsung, atau tulis \\\\ untuk garis miring terbalik"),
    ("indentation indicator", *_BLOCK_SCALAR),
    ("sequence entries are not allowed", "butir daftar ('- ') tidak boleh ditulis di sini",
     "tulis butir daftar di baris baru di bawah kuncinya, menjorok dengan spasi"),
    ("comment or line break", "setelah nilai ini hanya boleh ada komentar (#) atau akhir baris",
     "beri tanda kutip pada seluruh nilai"),
    ("comment or a line break", "setelah nilai ini hanya boleh ada komentar (#) atau akhir baris",
     "beri tanda kutip pada seluruh nilai"),
    ("document separator", "penanda dokumen ('---' atau '...') tidak diharapkan di sini",
     "beri tanda kutip pada teks yang diawali '---' atau '...'"),
    ("document start>", *_AFTER_END),
    ("DOCUMENT-END", *_AFTER_END),
    ("STREAM-END", *_AFTER_END),
    ("STREAM-START", "awal berkas tidak terbaca sebagai YAML", "simpan ulang berkas sebagai teks UTF-8"),
    ("stream-start", "awal berkas tidak terbaca sebagai YAML", "simpan ulang berkas sebagai teks UTF-8"),
    ("SCALAR, SEQUENCE-START", "nilai yang diharapkan tidak ditemukan", None),
    ("digit", *_DIRECTIVE),
    ("tag handle", *_TAG),
    ("tag prefix", *_TAG),
    ("tag value", *_TAG),
    ("URI", *_TAG),
    ("expected '!'", *_TAG),
    ("expected '>'", *_TAG),
    ("non-alphabetical character", "karakter ini tidak boleh dipakai di sini",
     "beri tanda kutip pada nilai ini"),
    ("expected whitespace", "spasi yang diharapkan tidak ada di sini", "beri tanda kutip pada nilai ini"),
    ("undefined alias", "alias (*) ini belum didefinisikan", "tulis nilainya langsung"),
    ("expected ' '", "spasi yang diharapkan tidak ada di sini", "beri tanda kutip pada nilai ini"),
]

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def translate(exc: yaml.YAMLError, text: str, shown: str) -> Problem:
    """One Problem for a PyYAML error, placed where PyYAML found it."""
    english = " ".join(str(part) for part in (getattr(exc, "context", None),
                                              getattr(exc, "problem", None)) if part)
    opened = getattr(exc, "context_mark", None)
    if isinstance(exc, yaml.reader.ReaderError):
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        english = str(exc.reason)
    else:
        mark = getattr(exc, "problem_mark", None) or opened
        if "could not find expected ':'" in english and opened:
            mark = opened  # the key that lacks its colon, not the line after it
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        if mark and 0 <= mark.index < len(text) and text[mark.index] == "\t":
            # libyaml says only "cannot start any token" for a tab: name the tab.
            english = "found a tab character"
        elif getattr(exc, "context", None) == "while scanning a quoted scalar" and opened:
            # The end of the file is not where the fix goes: the unclosed quote is.
            return Problem(shown, opened.line + 1, opened.column + 1, "galat", "IKU010",
                           "tanda kutip yang dibuka di sini tidak ditutup",
                           "tutup tanda kutip pada baris yang sama")
        elif mark:
            clearer = _after_scalar(text, mark, english, shown)
            if clearer:
                return clearer
    for fragment, message, hint in _MESSAGES:
        if fragment in english:
            if fragment == "exceeded maximum nesting depth":  # our limit, met by the parser first
                return Problem(shown, line, column, "galat", "IKU007", message, hint)
            if fragment.startswith("expected ','") and opened and opened.line + 1 != line:
                # YAML notices the missing ']' or '}' only on a later line: name the opening one.
                message += f" (dibuka di baris {opened.line + 1})"
            return Problem(shown, line, column, "galat", "IKU010", message, hint)
    return Problem(shown, line, column, "galat", "IKU010",
                   f"sintaks YAML tidak sah (PyYAML: {shorten(english, 80)})", None)


# `mark`: a yaml.Mark, or the C scanner's own Mark class (the same attributes).
def _after_scalar(text: str, mark: Any, english: str, shown: str) -> Optional[Problem]:
    """A clearer Problem when the error comes right after a scalar that explains it.

    An unclosed quote swallows the following lines up to the next quote, and a key without
    its colon runs into the next line: YAML notices only there, lines below the mistake.
    Text after a closing quote ('Jum'at') reads to YAML as a bad indentation.
    """
    last = None
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if token.start_mark.index >= mark.index:
                break
            if isinstance(token, yaml.ScalarToken):
                last = token
    except yaml.YAMLError:
        pass
    if last is None or last.end_mark.index > mark.index or text[last.end_mark.index:mark.index].strip(" "):
        return None
    first = last.start_mark.line + 1
    quoted = last.style in ('"', "'")
    if quoted and last.start_mark.line == mark.line:
        return Problem(shown, mark.line + 1, mark.column + 1, "galat", "IKU010",
                       "ada teks setelah tanda kutip penutup",
                       "kutip seluruh nilai; di dalam kutip tunggal tulis '' untuk satu tanda petik")
    if last.start_mark.line == mark.line:
        return None
    if quoted:
        return Problem(shown, first, last.start_mark.column + 1, "galat", "IKU010",
                       f"tanda kutip yang dibuka di sini baru ditutup di baris {mark.line + 1}",
                       "tutup tanda kutip pada baris yang sama")
    if "mapping values are not allowed" in english:
        return Problem(shown, mark.line + 1, mark.column + 1, "galat", "IKU010",
                       "tanda titik dua (:) tidak diharapkan di sini: baris ini terbaca sebagai "
                       f"lanjutan teks dari baris {first}",
                       f"periksa indentasi baris ini, atau tanda titik dua yang hilang di baris {first}")
    return None
