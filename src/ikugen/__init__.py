"""ikugen: compile one kecamatan's YAML spec into its IKU document."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("ikugen")
except PackageNotFoundError:  # running from a source tree without an install
    __version__ = "0.0.0+src"
