"""The LCR checklist for municipal client councils (CO3) as versioned reference data.

The Landelijke Cliëntenraad's workbook "16 Aandachtspunten voor lokaal en regionaal
arbeidsmarktbeleid" (June 2013) ends in a checklist: per point of attention the
council's conclusions, question by question, answered yes or no with remarks or
questions to the municipality (action points for the council's own questions of
points 15 and 16). The checklist ships as data (``data/lcr_checklist_2013.json``):
the points' titles and the questions word for word, the workbook chapter of each
point and werkpad's own explanation of what the council should look at. An
assessment records the version it answered (``Checklist.version``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

_DATA = Path(__file__).resolve().parent / "data" / "lcr_checklist_2013.json"

#: The values of an answer's options in the data; the third is the free text.
YES, NO, REMARKS, ACTION_POINTS = "yes", "no", "remarks", "action_points"


@dataclass(frozen=True)
class Option:
    value: str
    #: The option's words in the checklist ("Ja", "Nee", "Actiepunten", ...).
    label: str


@dataclass(frozen=True)
class Question:
    id: str
    point: int
    text: str
    options: tuple[Option, ...]

    @property
    def asks_action_points(self) -> bool:
        """Whether the free-text option is the council's own action points."""
        return any(option.value == ACTION_POINTS for option in self.options)

    @property
    def text_label(self) -> str:
        """The checklist's words for the free-text option of this question."""
        return next(o.label for o in self.options if o.value in (REMARKS, ACTION_POINTS))


@dataclass(frozen=True)
class Chapter:
    number: int
    title: str


@dataclass(frozen=True)
class Point:
    number: int
    title: str
    #: The items the title asks about when it ends in a colon (points 6 and 9).
    title_items: tuple[str, ...]
    chapter: Chapter
    explanation: str
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Source:
    publisher: str
    title: str
    part: str
    date: str
    edition: str


@dataclass(frozen=True)
class Checklist:
    version: str
    source: Source
    points: tuple[Point, ...]

    @property
    def questions(self) -> tuple[Question, ...]:
        return tuple(q for p in self.points for q in p.questions)

    def question(self, question_id: str) -> Question:
        return self._by_id()[question_id]

    def point(self, number: int) -> Point:
        return self.points[number - 1]

    def _by_id(self) -> dict[str, Question]:
        return {q.id: q for q in self.questions}

    @property
    def question_ids(self) -> tuple[str, ...]:
        return tuple(q.id for q in self.questions)


def _point(raw: dict) -> Point:
    number = int(raw["number"])
    return Point(
        number=number,
        title=raw["title"],
        title_items=tuple(raw.get("title_items", ())),
        chapter=Chapter(number=raw["chapter"]["number"], title=raw["chapter"]["title"]),
        explanation=raw["explanation"],
        questions=tuple(
            Question(
                id=q["id"],
                point=number,
                text=q["text"],
                options=tuple(Option(value=o["value"], label=o["label"]) for o in q["options"]),
            )
            for q in raw["questions"]
        ),
    )


@cache
def checklist() -> Checklist:
    """The checklist, read once from the shipped data."""
    raw = json.loads(_DATA.read_text(encoding="utf-8"))
    return Checklist(
        version=raw["version"],
        source=Source(**raw["source"]),
        points=tuple(_point(p) for p in raw["points"]),
    )
