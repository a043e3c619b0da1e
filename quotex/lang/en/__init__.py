"""English: the speech cues (:mod:`.cues`), the lexicon read from the data files
(:mod:`.lexicon`) and the shapes of text the rules share (:mod:`.shapes`)."""
