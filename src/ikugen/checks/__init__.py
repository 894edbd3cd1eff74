"""The checks of a valid spec, by topic; `catalogue` lists and runs them, `registry` defines one.

Codes by block: IKU1xx the spec's structure, IKU2xx people and positions, IKU3xx targets,
IKU4xx indicators as measures, IKU5xx names and counts from another document, IKU6xx the legal
basis, IKU8xx text hygiene, IKU9xx the `abaikan` entries. (IKU0xx are the loader's, IKU7xx
inheritance and blanks: see docs/checks.md.)
"""
