"""The JSON export moved to `quiz.formats.json`; this name stays for code that imports it."""

from quiz.formats.json import DOC_FORMAT, export_json, key_json, question_json, quote_json

__all__ = ["DOC_FORMAT", "export_json", "key_json", "question_json", "quote_json"]
