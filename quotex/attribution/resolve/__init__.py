"""Who a speaker phrase stands for: the antecedent of a pronoun in news
(:mod:`.antecedents`) and the person a description names (:mod:`.descriptions`)."""
