"""Dialogue: the turns of a conversation (:mod:`.turns`) and the characters of a
story who speak them (:mod:`.characters`)."""
