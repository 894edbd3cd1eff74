"""Many kecamatan at once: batch builds over worker processes with their progress, the kabupaten's recap, and
`ikugen init` for a new kecamatan's spec.
"""
