"""What quotex knows of a language: its patterns and word lists, one folder each (:mod:`.en`)."""
