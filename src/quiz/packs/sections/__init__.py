"""One small validator per section of a pack (sources, entities, relations, facts, hand-written
questions), sharing one `Context` that collects problems and what earlier sections built."""
