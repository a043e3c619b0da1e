"""Who a document names: its cast of names and entities (:mod:`.cast`) and the
speaker phrases a cue points at (:mod:`.phrases`)."""
