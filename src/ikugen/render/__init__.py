"""Templates to Markdown: the sandboxed Jinja environment, the lookup of packaged and office
templates, and rendering a document or the recap.
"""
