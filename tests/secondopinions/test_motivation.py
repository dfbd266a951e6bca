"""RI3 (seed 004): rejecting or partly following the advice needs a motivation with
substantive arguments that answers the advice; the rule refuses what is not."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.secondopinions.factories import ADVICE, MOTIVATION
from werkpad.core.errors import InvalidInputError
from werkpad.secondopinions import motivation


def code_of(text, *, advice=ADVICE, previous=()):
    with pytest.raises(InvalidInputError) as error:
        motivation.check(text, advice=advice, previous=previous)
    assert list(error.value.errors) == ["motivation"]
    return error.value.codes["motivation"]


def test_a_real_paragraph_answering_the_advice_is_accepted():
    assert motivation.check(f"  {MOTIVATION}\n", advice=ADVICE) == MOTIVATION


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty_is_refused(text):
    assert code_of(text) == "motivation-required"


@pytest.mark.parametrize("text", ["Niet akkoord.", "Conform beleid. Zie dossier.", "n.v.t."])
def test_stock_phrases_alone_are_boilerplate(text):
    assert code_of(text) == "motivation-boilerplate"


def test_short_text_is_refused():
    assert code_of("Scholing in de zorg past nu niet. Eerst werkritme.") == "motivation-too-short"


def test_one_long_sentence_is_not_a_paragraph():
    text = " ".join(["scholing in de zorg past nu niet goed bij het werkritme"] * 4)
    assert code_of(text) == "motivation-too-short"


def test_stock_phrases_do_not_pad_a_paragraph():
    text = (
        "Niet akkoord, conform beleid en zie dossier. Zoals besproken is er geen aanleiding. "
        "Om moverende redenen blijft gehandhaafd, zie bijlage. Scholing in de zorg niet."
    )
    assert code_of(text) == "motivation-too-short"


def test_one_sentence_repeated_is_boilerplate():
    sentence = "De scholing in de zorg past op dit moment niet bij de werkzoekende. "
    assert code_of(sentence * 4) == "motivation-boilerplate"


def test_a_few_words_over_and_over_is_boilerplate():
    text = ". ".join(["scholing zorg werkritme groep eerst"] * 8) + "."
    assert code_of(text) == "motivation-boilerplate"


def test_the_same_motivation_as_before_is_refused():
    assert code_of(MOTIVATION, previous=[MOTIVATION.upper()]) == "motivation-repeated"


def test_a_paragraph_that_ignores_the_advice_is_refused():
    generic = (
        "De klantmanager heeft alle omstandigheden zorgvuldig gewogen en komt tot een ander "
        "oordeel. Het besluit is genomen na overleg met de teamleider en de jurist. Wij zijn "
        "van mening dat het huidige aanbod passend is en verwachten medewerking."
    )
    assert code_of(generic) == "motivation-not-answering-advice"


def test_advice_terms_leave_out_function_words():
    terms = motivation.advice_terms("Ik adviseer omdat scholing zorgvuldig moet en werkervaring.")
    assert terms == ["scholing", "zorgvuldig", "werkervaring"]


def test_an_inflected_term_answers_the_advice():
    assert motivation.terms_answered("de scholingen en het groepje", ADVICE)[:1] == [
        "scholingstraject"
    ]


@given(st.text(max_size=149))
def test_nothing_under_the_minimum_length_is_ever_accepted(text):
    with pytest.raises(InvalidInputError):
        motivation.check(text, advice=ADVICE)


@given(st.lists(st.sampled_from(motivation.STOCK_PHRASES), min_size=1, max_size=30))
def test_stock_phrases_in_any_number_are_never_a_motivation(phrases):
    with pytest.raises(InvalidInputError):
        motivation.check(". ".join(phrases) + ".", advice=ADVICE)
