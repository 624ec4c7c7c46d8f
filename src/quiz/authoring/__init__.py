"""Tools for writing packs: the skeleton from a text (`quiz new`), what each fact yields and
why not (`quiz check --explain`), and the sentences no fact quotes (`--coverage`)."""
