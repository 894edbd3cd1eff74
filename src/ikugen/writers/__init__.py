"""Outputs: Markdown as rendered, DOCX from it (tables, sections, numbering, pictures), PDF through
LibreOffice, each written atomically.
"""
