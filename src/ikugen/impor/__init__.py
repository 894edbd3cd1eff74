"""`ikugen impor`: an old IKU document (Word, ODT, PDF) read into a draft spec.

The file is checked before any reader opens it (`guard.py`), converted when it is not a .docx
(`convert.py`), read into paragraphs and tables as a reader sees them (`blocks.py`), and its
facts are found by headings, lists and table headers (`facts.py`, `positions.py`, `tables.py`,
`programs.py` for the program indicators); the office's own prose becomes `teks` only where no
field holds it (`texts.py`), and its tables' columns and labels `tabel` only where they are not
ikugen's own (`choices.py`).
`draft.py` writes them as YAML, every value with a comment naming where it came from, and a
blank "ISI: ..." for each one that was not found; `run.py` is the command's core.
"""

from ikugen.impor.run import Summary, impor_document

__all__ = ["Summary", "impor_document"]
