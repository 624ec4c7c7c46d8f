"""Question packs: the model, loading and validation, quotes, and where packs live."""

from quiz.packs.errors import PackError, Problem
from quiz.packs.loader import load_pack
from quiz.packs.model import Entity, Fact, Number, Pack, Quote, Relation, Source, Value, When

__all__ = [
    "Entity",
    "Fact",
    "Number",
    "Pack",
    "PackError",
    "Problem",
    "Quote",
    "Relation",
    "Source",
    "Value",
    "When",
    "load_pack",
]
