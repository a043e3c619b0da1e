"""Who a speaker phrase stands for: the subject of a clause (:mod:`.subjects`, with
what the clause around a speech verb says, :mod:`.clauses`), and the person a name,
a pronoun or a description names (:mod:`.speakers`, with the antecedents of a
pronoun in news, :mod:`.antecedents`, and the person a description names,
:mod:`.descriptions`)."""
