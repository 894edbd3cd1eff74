"""A spec file read: its bytes to text, YAML to data with positions, inheritance (`dasar`), the
pydantic models, their errors in Indonesian, and the JSON Schema made from them.
"""
