"""The Textual game: screens, widgets and one stylesheet over the domain's Session."""
