"""What the document shows, derived from a valid spec: counts, names, table rows with merged
cells, chapters and their numbers, and Indonesian number and date formats. Templates see only this.
"""
