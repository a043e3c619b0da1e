"""Text as quotex reads it, whatever its language: the quoted spans and paragraphs
(:mod:`.tokenizer`) and a news page's furniture (:mod:`.layout`)."""
