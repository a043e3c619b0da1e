"""Dialogue: the turns of a conversation (:mod:`.turns`), its voices (:mod:`.voices`),
the characters of a story who speak them (:mod:`.characters`) and who each turn is
spoken to (:mod:`.addressees`)."""
