"""ikugen: compile one kecamatan's YAML spec into its IKU document."""


def __getattr__(name: str) -> str:
    # Looked up on first use: importlib.metadata costs ~25 ms, a third of `ikugen --help`.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("ikugen")
        except PackageNotFoundError:  # running from a source tree without an install
            return "0.0.0+src"
    raise AttributeError(f"module 'ikugen' has no attribute {name!r}")
