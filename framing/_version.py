"""The one source of framing's version: pyproject.toml reads it, and so does every module."""

__version__ = "0.1.0"
