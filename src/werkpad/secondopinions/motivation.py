"""The motivation rule (RI3, seed 004): "Afwijzing van [de second opinion] door een
casemanager moet duidelijk en met inhoudelijke argumenten gemotiveerd worden."

A caseworker who partly follows or rejects the advice writes a motivation that
``check`` accepts only when it is

1. **there**: not empty;
2. **a real paragraph**: at least ``MIN_CHARACTERS`` characters, ``MIN_WORDS`` words and
   ``MIN_SENTENCES`` sentences, counted *after* the stock phrases below are taken out, so
   that padding with them does not make a paragraph;
3. **not boilerplate**: not made of stock phrases (``STOCK_PHRASES``: "niet akkoord",
   "conform beleid", "zie dossier", ...), not one sentence repeated (the most frequent
   sentence is more than half of them) nor a few words over and over (fewer than
   ``MIN_DISTINCT_SHARE`` of the words distinct), and not the same text this caseworker
   wrote for another second opinion (``previous``): a motivation is about this case;
4. **an answer to the advice**: it takes up what the advice says. The advice's
   substantive terms are its words of ``TERM_LENGTH`` letters or more that are not common
   Dutch function words; the motivation must use at least ``MIN_TERMS_ANSWERED`` of them
   (or all, when the advice has fewer), where a word counts when it shares its first
   ``TERM_LENGTH`` letters with the term ("scholing" answers "scholingstraject"). A text
   that could stand under any advice does not name what this advice recommends, and is
   refused with the terms it could take up.

``check`` raises ``InvalidInputError`` on ``motivation`` with a stable code per refusal
(``motivation-required``, ``motivation-too-short``, ``motivation-boilerplate``,
``motivation-repeated``, ``motivation-not-answering-advice``): 400 problem+json in the
API, the Dutch message at the field on the page.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from django.utils.translation import gettext as _

from werkpad.core.errors import InvalidInputError

MIN_CHARACTERS = 150
MIN_WORDS = 20
MIN_SENTENCES = 2
MIN_DISTINCT_SHARE = 0.4
TERM_LENGTH = 6
MIN_TERMS_ANSWERED = 2

#: Phrases that say nothing about the case: they do not count towards the paragraph.
STOCK_PHRASES = (
    "niet akkoord",
    "conform beleid",
    "volgens beleid",
    "in lijn met het beleid",
    "past niet binnen het beleid",
    "zie dossier",
    "zie het dossier",
    "zie eerder",
    "zoals besproken",
    "zoals eerder besproken",
    "geen aanleiding",
    "geen reden",
    "om moverende redenen",
    "n.v.t.",
    "nvt",
    "advies niet overgenomen",
    "advies wordt niet gevolgd",
    "wij volgen het advies niet",
    "het advies is niet van toepassing",
    "niet van toepassing",
    "standaard procedure",
    "standaardprocedure",
    "besluit blijft gehandhaafd",
    "blijft gehandhaafd",
    "zie bijlage",
)

#: Common Dutch words of six letters or more that carry no substance of an advice.
FUNCTION_WORDS = frozenset(
    [
        "aangezien",
        "achter",
        "alleen",
        "altijd",
        "andere",
        "anders",
        "bijvoorbeeld",
        "daarbij",
        "daarnaast",
        "daarom",
        "daarmee",
        "daardoor",
        "daarvan",
        "daarvoor",
        "dezelfde",
        "doordat",
        "eerder",
        "eigenlijk",
        "enkele",
        "ervoor",
        "geweest",
        "hebben",
        "hierbij",
        "hiermee",
        "hiervan",
        "hiervoor",
        "immers",
        "kunnen",
        "misschien",
        "moeten",
        "mogelijk",
        "namelijk",
        "omdat",
        "ondanks",
        "tussen",
        "volgens",
        "waarbij",
        "waardoor",
        "waarin",
        "waarom",
        "waarvan",
        "wanneer",
        "worden",
        "zouden",
        "zullen",
        "zonder",
        "zodat",
        "zowel",
        "willen",
        "welke",
        "werden",
        "tijdens",
        "terwijl",
        "verder",
        "vooral",
        "zeker",
        "advies",
        "adviseert",
        "adviseer",
        "adviseren",
        "adviezen",
        "aanbevolen",
        "aanbeveling",
        "adviseur",
        "geadviseerd",
        "werkzoekende",
        "klantmanager",
        "casemanager",
        "second",
        "opinion",
        "gemeente",
        "betrokkene",
        "mevrouw",
        "meneer",
    ]
)

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?]+(?:\s|$)")


def _normal(text: str) -> str:
    return " ".join(text.lower().split())


def _without_stock_phrases(text: str) -> str:
    result = _normal(text)
    for phrase in sorted(STOCK_PHRASES, key=len, reverse=True):
        result = re.sub(rf"(?<!\w){re.escape(phrase)}(?!\w)", " ", result)
    return " ".join(result.split())


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _sentences(text: str) -> list[str]:
    parts = [p.strip() for p in _SENTENCE_END.split(text.strip())]
    return [p for p in parts if len(_words(p)) >= 3]


def advice_terms(advice: str) -> list[str]:
    """The advice's substantive terms, in the order they first occur: words of
    ``TERM_LENGTH`` letters or more that are not function words."""
    terms: dict[str, None] = {}
    for word in _words(advice):
        if len(word) >= TERM_LENGTH and word not in FUNCTION_WORDS:
            terms.setdefault(word, None)
    return list(terms)


def terms_answered(motivation: str, advice: str) -> list[str]:
    """The advice's terms the motivation takes up (same first ``TERM_LENGTH`` letters)."""
    stems = {word[:TERM_LENGTH] for word in _words(motivation) if len(word) >= TERM_LENGTH}
    return [term for term in advice_terms(advice) if term[:TERM_LENGTH] in stems]


def check(motivation: str, *, advice: str, previous: Iterable[str] = ()) -> str:
    """The motivation, stripped, when it answers ``advice`` as a real paragraph; else
    ``InvalidInputError`` on ``motivation`` saying what is missing. ``previous`` are the
    motivations the same caseworker gave for other second opinions."""
    text = motivation.strip()

    def refuse(message: str, code: str) -> InvalidInputError:
        return InvalidInputError({"motivation": [message]}, codes={"motivation": code})

    if not text:
        raise refuse(
            _(
                "Give the motivation: when you partly follow or do not follow the advice, "
                "explain why with reasons about this case."
            ),
            "motivation-required",
        )
    substance = _without_stock_phrases(text)
    words = _words(substance)
    if not words:
        raise refuse(
            _(
                "This is a stock phrase, not a motivation. Explain with reasons about this "
                "case why you do not follow the advice."
            ),
            "motivation-boilerplate",
        )
    if (
        len(substance) < MIN_CHARACTERS
        or len(words) < MIN_WORDS
        or len(_sentences(substance)) < MIN_SENTENCES
    ):
        raise refuse(
            _(
                "Write a real paragraph: at least %(characters)s characters, %(words)s words "
                "and %(sentences)s sentences of your own reasons (stock phrases such as "
                '"conform beleid" do not count).'
            )
            % {
                "characters": MIN_CHARACTERS,
                "words": MIN_WORDS,
                "sentences": MIN_SENTENCES,
            },
            "motivation-too-short",
        )
    sentences = [_normal(s) for s in _sentences(substance)]
    most_common = Counter(sentences).most_common(1)[0][1]
    if most_common * 2 > len(sentences) or len(set(words)) < MIN_DISTINCT_SHARE * len(words):
        raise refuse(
            _(
                "The motivation repeats itself. Explain with reasons about this case why you "
                "do not follow the advice."
            ),
            "motivation-boilerplate",
        )
    if _normal(text) in {_normal(p) for p in previous if p}:
        raise refuse(
            _(
                "You gave this same motivation for another second opinion. Write the reasons "
                "for this case."
            ),
            "motivation-repeated",
        )
    terms = advice_terms(advice)
    needed = min(MIN_TERMS_ANSWERED, len(terms))
    if len(terms_answered(text, advice)) < needed:
        raise refuse(
            _(
                "Answer the advice: say what you do with what it recommends (for example "
                "%(terms)s) and why."
            )
            % {"terms": ", ".join(f"“{t}”" for t in terms[:4])},
            "motivation-not-answering-advice",
        )
    return text
