"""The command line: the `ikugen` commands, their exit codes, and click's texts in Indonesian.

The commands parse options, call the pipeline, and print; `main` turns every outcome into an
exit code. Nothing below this package imports click.
"""
