"""quiz: a terminal quiz game that teaches from a source document."""

__version__ = "0.1.0"
