"""Fiction: the pieces the dialogue rules rest on (genre signal, vocatives, couples,
namesakes, role words), one by one. Whole passages are in fixtures/golden/regressions-fiction.json."""
from __future__ import annotations

import pytest

import quotex
from quotex.attribution.context import Attribution
from quotex.attribution.dialogue import replies, turns
from quotex.attribution.document import Document
from quotex.lang.en.language import ENGLISH
from quotex.lang.en.lexicon import load
from quotex.mentions.cast import Cast
from quotex.text.tokenizer import scan


DIALOGUE = ('"Where were you?" asked Edith Lane.\n\n"In the garden," said Robert.\n\n'
            '"All afternoon?"\n\n"Yes."\n\n"Then you missed tea."')
NEWS = ('"We will win," Jane Smith said on Tuesday at a rally in Ohio, where she spoke for an hour '
        'about jobs, trade and the plans of her campaign for the coming months of the race.\n\n'
        '"We always do," she added, to cheers from a crowd of some two thousand supporters who had '
        'waited for hours in the rain outside the hall to see her speak.')


def test_written_as_dialogue_needs_exchanges_of_short_turns() -> None:
    # only a document written as dialogue has its turns spoken to the other party
    dialogue = quotex.extract(DIALOGUE)
    assert [q.addressees for q in dialogue] == [("Robert",), ("Edith Lane",)] * 2 + [("Robert",)]
    assert [q.rule for q in dialogue][2:] == ["alternating-turn"] * 3
    assert not any(q.addressees for q in quotex.extract(NEWS))


@pytest.mark.parametrize("quote,called", [
    ('"Ada, I don\'t like riddles."', ["Ada"]),
    ('"Hallo, Winifred!"', ["Winifred"]),
    ('"Yes, Mabel."', ["Mabel"]),
    ('"My dear Mr. Marwood, did you hear?"', ["Marwood"]),
    ('"Ashdown."', []),                             # an answer naming someone
    ('"Jasper Brock? Is that his name?"', []),       # a question about someone
    ('"But, my dear Maud, the train has gone."', ["Maud"]),  # lead words after a comma
    ('"Still, poor Maud, you must try."', ["Maud"]),
    ('"I sent it, with Maud, to the vicar."', []),    # a word of the sentence after the comma: not a call
])
def test_called_is_the_person_addressed(quote: str, called: list[str]) -> None:
    # a turn is spoken to the one it calls by name; else to the other party (Robert Hale)
    text = f'"Where were you?" asked Edith Lane.\n\n"In the garden," said Robert Hale.\n\n{quote}\n\n"Go," said Edith.'
    turn = quotex.extract(text)[2]
    assert turn.speaker == "Edith Lane"
    assert [a.split()[-1] for a in turn.addressees] == called + ["Hale"]  # the one called first, then the other party


def test_namesakes_keep_their_honorific() -> None:
    cast = Cast("Mr. Marwood came in. Mrs. Marwood did not look up. Mr. Quill sat down.")
    assert sorted(e.canonical for e in cast.entities) == ["Mr. Marwood", "Mrs. Marwood", "Quill"]


def test_kinship_is_the_member_of_the_couple_last_named() -> None:
    couple = 'Mr. Harlow came home. Mrs. Harlow was waiting.\n\n"You are late," said '
    [(q, steps)] = quotex.explain(couple + "his wife.")
    assert q.speaker == "Mrs. Harlow" and "the kin of the story's couple" in str(steps[-1])
    assert quotex.extract(couple + "the son.")[0].speaker == "the son"  # not a couple word


def test_role_synonyms_let_a_description_find_a_titled_name() -> None:
    text = 'Parson Ashdown rode up.\n\n"Good night," said the clergyman.'
    assert quotex.extract(text)[0].speaker == "Ashdown"


def test_lexicons_of_fiction_load() -> None:
    lex = load()
    assert lex.person_nouns["mother"] == "f" and lex.person_nouns["doctor"] == "-"
    assert lex.kinship["wife"] == "f"
    assert "parson" in lex.role_synonyms["clergyman"]



def test_same_voice_compares_the_words_of_names() -> None:
    from quotex.attribution.dialogue.turns import same_voice
    assert same_voice("Hugo", "Hugo Marwood")
    assert not same_voice("Hugo", None)
    # Mr. and Mrs. Pellow are two voices: each turn is spoken to the other
    text = '"Is it true?" said Mrs. Pellow.\n\n"It is," said Mr. Pellow.\n\n"Then?"\n\n"Then nothing."'
    got = [(q.speaker, q.addressees) for q in quotex.extract(text)]
    assert got == [("Mrs. Pellow", ("Mr. Pellow",)), ("Mr. Pellow", ("Mrs. Pellow",))] * 2


def test_a_title_elided_in_dialect_is_not_part_of_the_name() -> None:
    cast = Cast("\"Will you take a mug of cider, Pa'son Ashdown?\" Nora O'Dell and Sanders' aide came.")
    forms = {e.canonical for e in cast.entities}
    assert "Ashdown" in forms and "Nora O'Dell" in forms and "Pa'son Ashdown" not in forms


def test_compass_saint_is_a_place() -> None:
    cast = Cast("They drove past the East St. Louis rail yards with Dwight Pellow.")
    assert {e.canonical for e in cast.entities if e.person} == {"Dwight Pellow"}


# -- addressees of dialogue, and the roster the turns rest on ------------------------------

CONVERSATION = ('"Is the boat ready?" asked Oliver Finch.\n\n"Not yet," said Nora Tallis.\n\n'
                '"Then we wait."\n\n"Wait if you like, Oliver. I am going home."')


def _addressees(text: str) -> list[tuple[str | None, tuple[str, ...]]]:
    return [(q.speaker, q.addressees) for q in quotex.extract(text)]


def test_a_turn_of_dialogue_is_spoken_to_the_other_party() -> None:
    got = _addressees(CONVERSATION)
    assert got[0] == ("Oliver Finch", ("Nora Tallis",))  # opens the talk: to the one who answers
    assert got[1] == ("Nora Tallis", ("Oliver Finch",))  # answers the turn before
    assert got[2][1] == ("Nora Tallis",)


def test_a_vocative_names_the_addressee() -> None:
    text = CONVERSATION + '\n\n"Clara, fetch the lamp," said Oliver Finch.\n\n"At once," said Clara.'
    got = dict(zip(range(10), _addressees(text)))
    assert got[4] == ("Oliver Finch", ("Clara", "Nora Tallis"))  # called by name first, then the other party
    assert got[3][1] == ("Oliver Finch",)  # "Wait if you like, Oliver."


def test_news_quotes_get_no_guessed_addressees() -> None:
    assert all(not q.addressees for q in quotex.extract(NEWS))


@pytest.mark.parametrize("sentence", [
    "Besides Maud sat by the fire.",         # a sentence opener of the word list
    '"Dear Maud, sit by the fire."',          # a vocative's lead word
    '"Send Maud to bed," he said.',           # an imperative, written in lower case elsewhere
])
def test_a_sentence_opener_is_no_part_of_the_name_after_it(sentence: str) -> None:
    text = (f'Maud Ellery came down late. She said nothing. {sentence}\n\n'
            '"It is cold," said Maud, and we send for coal. "Dear me," said her brother.')
    cast = Cast(text)
    assert {e.canonical for e in cast.entities if e.person} == {"Maud Ellery"}


def test_a_first_name_stays_with_the_person_named_often() -> None:
    # one slip of the narration ("With Mrs. Pryor Nell ...") must not make a second Nell
    text = ("Nell Grant lived by the mill. Nell was twelve. Nell liked the mill. Nell had a dog.\n\n"
            "With Mrs. Pryor Nell walked to church. Nell sang.")
    cast = Cast(text)
    nells = {cast.canonical(n) for n in cast.names if n.tokens == ("Nell",)}
    assert nells == {"Nell Grant"}


CHAIN = ('Ann Marsh came in from the garden.\n\n"Is that you?"\n\n"Yes," said Ben Cole.\n\n'
         'The rain had not stopped since noon, and the lamps were lit early.\n\n'
         '"Do you remember the promise you made me in the spring, before the river rose?"\n\n'
         '"I could not believe that it mattered to you at all, after everything that happened."\n\n'
         '"That is an excuse," said Ann.\n\n"It is the truth," said Ben.')


def test_an_untagged_turn_nobody_took_is_read_from_the_end_of_the_conversation() -> None:
    got = [(q.quote[:12], q.speaker, q.rule) for q in quotex.extract(CHAIN)]
    assert got[0] == ("Is that you?", "Ann Marsh", "conversation-turn")  # Ben answers her
    assert [s for _, s, _ in got[2:]] == ["Ann Marsh", "Ben Cole", "Ann Marsh", "Ben Cole"]


def test_the_chain_leaves_turns_of_news_alone() -> None:
    assert "conversation-turn" not in {q.rule for q in quotex.extract(NEWS)}


def test_a_first_name_said_before_the_full_name_is_the_same_person() -> None:
    text = '"Is that you, Ben?" she called.\n\n"Yes," said Ben Cole. "It is only me," said Ben.'
    assert [q.speaker for q in quotex.extract(text)][1:] == ["Ben Cole", "Ben Cole"]


def test_a_guessed_voice_is_never_the_one_the_quote_calls() -> None:
    text = ('"Is the boat ready?" asked Oliver Finch.\n\n"Not yet," said Nora Tallis.\n\n"When?"\n\n"Soon."\n\n'
            '"Soon, Oliver? You always say soon."\n\n"I mean it," said Nora.\n\n"Do you?" asked Oliver.')
    got = [(q.speaker, q.addressees) for q in quotex.extract(text)]
    assert got[4] == ("Nora Tallis", ("Oliver Finch",))  # the chain said Oliver; Oliver is called


def test_a_character_the_story_never_names_speaks_by_a_label() -> None:
    text = ('"Tickets, please," said the ferryman.\n\n"Two," said Oliver Finch.\n\n'
            '"Two it is," said the ferryman.\n\n"And the dog," said Oliver.')
    assert [q.speaker for q in quotex.extract(text)] == ["The Ferryman", "Oliver Finch", "The Ferryman", "Oliver Finch"]
    text = '"Tickets, please," said the ferryman.\n\n"Two," said Oliver Finch.\n\n"Who are you?" asked the man with the scar.'
    assert quotex.extract(text)[2].speaker == "The Man with the Scar"  # small words stay small


def test_a_talk_of_three_is_spoken_to_the_others_present() -> None:
    text = ('"We sail at dawn," said Oliver Finch.\n\n"In this wind?" asked Nora Tallis.\n\n'
            '"The wind will drop," said Clara Moss.\n\n"It had better," said Nora.\n\n'
            '"It will," said Oliver.\n\n"I will pack, then," said Clara.')
    got = [q.addressees for q in quotex.extract(text)]
    assert got[3] == ("Clara Moss", "Oliver Finch")  # the turn before first, then the other one present


TALK_OF_THREE = ('"We sail at dawn," said Oliver Finch.\n\n"In this wind?" asked Clara Moss.\n\n'
                 '"The wind will drop," said Nora Tallis.\n\n"It had better," said Clara.\n\n')


def test_a_reply_comes_from_the_one_the_turn_before_called() -> None:
    text = TALK_OF_THREE + '"Nora, will you pack the lamps?" asked Oliver.\n\n"I packed them last night."'
    got = [(q.quote[:10], q.speaker, q.rule) for q in quotex.extract(text)]
    assert got[-1] == ("I packed t", "Nora Tallis", "alternating-turn")  # not Clara, who spoke before Oliver


def test_one_called_who_has_not_spoken_here_does_not_take_the_reply() -> None:
    # Rupert is named, but has said nothing in the scene: the talk goes back to Clara
    text = TALK_OF_THREE + '"Rupert, fetch the lamps," said Oliver.\n\n"Let him sleep."'
    assert quotex.extract(text)[-1].speaker == "Clara Moss"


def test_the_one_who_answers_a_turn_was_spoken_to() -> None:
    # Oliver opens to Nora, but Clara, who has not spoken yet, answers him: both were spoken to
    text = ('"Is the boat ready?" asked Oliver Finch.\n\n"Not yet," said Nora Tallis.\n\n'
            '"Then we wait for the tide," said Oliver.\n\n"The tide turned an hour ago," said Clara Moss.')
    assert _addressees(text)[2] == ("Oliver Finch", ("Nora Tallis", "Clara Moss"))


def test_a_turn_after_narration_and_speech_replies_to_it() -> None:
    # the turn before opens with narration, so it is no bare turn; the reply is still the other voice's
    text = ('"Is the boat ready?" asked Oliver Finch.\n\n"Not yet," said Nora Tallis.\n\n"When?"\n\n"Soon."\n\n'
            'The gulls had gone inland.\n\nOliver looked at the low sky. "It will rain before noon. We should not sail."\n\n'
            '"Then we wait for tomorrow, and we sail with the morning tide."')
    got = quotex.extract(text)[-1]
    assert (got.speaker, got.rule) == ("Nora Tallis", "alternating-turn")


STORY_TOLD_BY_TOM = ('Clara Moss and her brother Ben Moss met me at the gate. Ben Moss carried a lamp, '
                     'and Ben Moss was smiling.\n\n'
                     '"Ben, take his bag," said Clara.\n\n"I can carry it," I said.\n\n'
                     '"Ben, take it anyway," said Clara.\n\n"Very well," I said.\n\n'
                     '"Ben, the lamp," said Clara. "You are late, Tom Reed."\n\n"The train was slow," I said.\n\n'
                     '"Tom Reed, trains are never slow," said Clara.\n\n"This one was," I said.\n\n'
                     '"Then come in, Tom Reed," said Clara.\n\nBen Moss laughed.')


def test_the_teller_is_the_one_named_only_in_what_the_others_say() -> None:
    # Ben is called more often, but the narration names him: the teller, who says "I", is Tom Reed
    got = [q.speaker for q in quotex.extract(STORY_TOLD_BY_TOM)]
    assert got[1] == got[3] == got[6] == "Tom Reed"


def test_a_paragraph_whose_last_quotation_no_rule_read_keeps_the_voice_of_its_others() -> None:
    text = ('"Is it late?" asked Oliver Finch.\n\n"Not yet," said Nora Tallis.\n\n'
            '"It is late," said Oliver, "and the gulls have gone."\n\n"Then we wait."')
    spans, paragraphs = scan(text)  # a unit test of one turn function: the document as the pipeline builds it
    doc = Document(text, spans, paragraphs, ENGLISH)
    doc.results = [Attribution(speaker="Oliver Finch"), Attribution(speaker="Nora Tallis"),
                   Attribution(speaker="Oliver Finch"), Attribution(rule=None)]  # the cue of the 4th read nobody
    voice = replies.voice_of_turn(doc, 3)
    assert voice is not None and voice.speaker == "Oliver Finch"
    doc.results[2] = Attribution()  # nobody in the paragraph: no voice
    assert replies.voice_of_turn(doc, 3) is None
    doc.results[2], doc.results[3] = Attribution(speaker="Oliver Finch"), Attribution()
    doc.results.append(Attribution())
    reply = turns.continuation(doc, 4)  # the turn after it answers Oliver: Nora
    assert reply is not None and reply.speaker == "Nora Tallis"


def test_one_called_who_spoke_earlier_in_a_long_scene_answers() -> None:
    # Nora spoke sixteen turns ago, then listened while the others talked: she is still present
    talk = "".join(f'"Line {n} of the talk," said {"Oliver" if n % 2 else "Clara"}.\n\n' for n in range(15))
    text = (TALK_OF_THREE + talk + '"Nora, will you pack the lamps?" asked Oliver.\n\n'
            '"I packed them last night."')
    assert quotex.extract(text)[-1].speaker == "Nora Tallis"


def test_a_short_answer_to_a_question_nobody_was_called_in_is_the_other_voice() -> None:
    text = ('"Is the boat ready?" asked Oliver Finch.\n\n"Not yet," said Nora Tallis.\n\n"When?"\n\n"Soon."\n\n'
            'The gulls had gone inland.\n\nOliver looked at the sky. "Will it rain?"\n\n"Not today."')
    got = quotex.extract(text)[-1]
    assert (got.speaker, got.rule) == ("Nora Tallis", "alternating-turn")


def test_the_reply_reaches_back_across_a_few_paragraphs_of_narration() -> None:
    text = ('"Is the boat ready?" asked Oliver Finch.\n\n"Not yet," said Nora Tallis.\n\n"When?"\n\n"Soon."\n\n'
            'The gulls had gone inland.\n\nThe boats lay still.\n\nNo bell rang.\n\nThe tide was slack.\n\n'
            'Oliver looked at the low sky. "It will rain before noon. We should not sail."\n\n'
            '"Then we wait for tomorrow, and we sail with the morning tide."')
    assert quotex.extract(text)[-1].speaker == "Nora Tallis"  # six paragraphs back


@pytest.mark.parametrize("tag, mention", [
    ("said her mother soon afterwards.", "her mother"),
    ("said the gardener after a long pause.", "the gardener"),
    ("said his cousin--and then he left the room.", "his cousin"),
    ("returned the now calmer doctor.", "the now calmer doctor"),
    ("said the old man again.", "the old man"),
])
def test_a_description_after_an_inverted_verb_ends_before_the_adverbs_of_time(tag: str, mention: str) -> None:
    text = f'Ruth sat by the stove.\n\n"It is getting late," {tag}'
    quote = quotex.extract(text)[0]
    assert quote.mention == mention
    assert text[quote.mention_start:quote.mention_end] == mention


def test_role_words_near_a_name_stay_in_its_sentence_and_clause() -> None:
    from quotex.mentions.descriptions import describe
    text = "But the Captain did not turn round. Wexley waited."
    at = text.index("Wexley")
    assert "captain" not in describe(text, at, at + 6, ())
    text = "I told the old lady that Ottilie had gone."
    at = text.index("Ottilie")
    assert "lady" not in describe(text, at, at + 7, ())
    text = "Tom knew that the Captain would follow Wexley home."
    at = text.index("Wexley")
    assert "captain" not in describe(text, at, at + 6, ())
    text = "The veteran astronaut Wexley waited."
    at = text.index("Wexley")
    assert "astronaut" in describe(text, at, at + 6, ())


def test_the_title_is_the_titled_person_not_the_one_the_narration_follows() -> None:
    text = ('Colonel Brisk had taken the chair nearest the stove and studied the harbour charts.\n\n'
            'Anton Wexley came in with the letters. The Colonel did not look round. Wexley waited.\n\n'
            '"Any news?" asked the Colonel.')
    assert quotex.extract(text)[-1].speaker == "Brisk"


def test_a_tag_closing_the_paragraph_before_with_a_comma_names_the_speaker() -> None:
    text = ('"Are the nets mended?" asked Piet.\n\n'
            'Orla put down her basket, looked along the quay for some time, and then, turning, said to Piet,\n\n'
            '"Not one of them."')
    q = quotex.extract(text)[-1]
    assert q.speaker == "Orla" and q.rule == "X-said-quote"


HARBOUR = ('"Is the boat ready?" asked Oliver Finch.\n\n"Not yet," said Nora Tallis.\n\n'
           '"Then we wait."\n\n"Wait if you like."\n\n')


def test_the_pieces_of_one_turn_are_spoken_to_the_same_people() -> None:
    text = HARBOUR + ('"Fine," said Oliver. "Clara, bring the rope," he added, "and hurry."\n\n'
                      '"Clara is slow," said Nora.')
    got = _addressees(text)[4:7]
    assert got == [("Oliver Finch", ("Clara", "Nora Tallis"))] * 3  # the one called first, in every piece


def test_a_turn_nobody_is_known_to_speak_is_spoken_among_the_voices_around_it() -> None:
    text = HARBOUR + ('"Listen," said Oliver.\n\nA cry came from the quay: "Whose bell is that?"\n\n'
                      '"It is the bell of the chapel," said Nora.')
    assert _addressees(text)[5] == (None, ("Oliver Finch", "Nora Tallis"))


def test_a_voice_the_story_only_describes_is_nobody_spoken_to() -> None:
    text = HARBOUR + ('"Listen," said Oliver.\n\n"Whose bell is that?" a voice asked.\n\n'
                      '"It is the bell of the chapel," said Nora.')
    got = _addressees(text)
    assert got[5] == ("a voice", ("Oliver Finch", "Nora Tallis"))  # the described voice still speaks to them
    assert got[4] == ("Oliver Finch", ("Nora Tallis",)) and got[6] == ("Nora Tallis", ())


BETWEEN_TAGS = ('The lamp in the boathouse had gone out, and the two of them sat in the dark.\n\n'
                '"Is the tide turning?" asked Ada Crane.\n\n'
                '"Not yet."\n\n'
                '"How long?"\n\n'
                '"An hour, perhaps more."\n\n'
                '"Then we wait here."\n\n'
                '"We wait," said Tobin Hale.')


def test_untagged_turns_between_two_tagged_voices_alternate() -> None:
    speakers = [q.speaker for q in quotex.extract(BETWEEN_TAGS)]
    assert speakers == ["Ada Crane", "Tobin Hale", "Ada Crane", "Tobin Hale", "Ada Crane", "Tobin Hale"]
