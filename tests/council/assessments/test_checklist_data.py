"""The checklist shipped as data holds the seed's checklist word for word (CO3).

The seed is the LCR workbook "16 aandachtspunten voor lokaal en regionaal
arbeidsmarktbeleid" (June 2013) as text, beside the clone in ../shared/seeds/. Its
checklist ("Conclusies beoordeling aandachtspunt N", continued on "(vervolg)" pages)
gives the questions and their options; the workbook's body gives each point's
question-title after "Aandachtspunt N" and the chapter it is in.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from werkpad.council.checklist import _DATA, checklist

REPO = Path(__file__).resolve().parents[3]
SEEDS = sorted((REPO.parent / "shared" / "seeds").glob("003_*.txt"))
CHECKLIST_START = "Conclusies beoordeling aandachtspunt 1"
OPTIONS = {"Ja", "Nee", "Opmerkingen/vragen richting gemeente", "Actiepunten"}


@pytest.fixture(scope="module")
def seed_lines() -> list[str]:
    assert SEEDS, "the seed 003_*.txt must lie in ../shared/seeds/ beside the repository"
    return SEEDS[0].read_text(encoding="utf-8").split("\n")


def _checklist_of(lines: list[str]) -> dict[int, list[tuple[str, list[str]]]]:
    """Per point of the seed's checklist its questions in order, each with its options."""
    start = lines.index(CHECKLIST_START)
    points: dict[int, list[tuple[str, list[str]]]] = {}
    current = None
    for line in lines[start:]:
        text = line.strip()
        heading = re.fullmatch(r"Conclusies beoordeling aandachtspunt (\d+)( \(vervolg\))?", text)
        if heading:
            current = int(heading.group(1))
            points.setdefault(current, [])
        elif current and text.endswith("?"):
            points[current].append((text, []))
        elif current and text.lstrip("- ") in OPTIONS:
            points[current][-1][1].append(text.lstrip("- "))
    return points


def _body_of(lines: list[str]) -> tuple[dict[int, str], dict[int, tuple[int, str]]]:
    """Per point of the workbook's body its question-title and its chapter."""
    body = lines[: lines.index(CHECKLIST_START)]
    first = body.index("1. Cliëntenparticipatie")
    titles: dict[int, str] = {}
    chapters: dict[int, tuple[int, str]] = {}
    chapter = (0, "")
    for index in range(first, len(body)):
        text = body[index].strip()
        head = re.fullmatch(r"(\d+)\. ([^?]+)", text)
        if head and int(head.group(1)) <= 10:
            chapter = (int(head.group(1)), head.group(2))
        point = re.fullmatch(r"Aandachtspunt (\d+)", text)
        if point:
            after = index + 1
            while body[after].strip() in ("", "→ checklist"):
                after += 1
            titles[int(point.group(1))] = body[after].strip()
            chapters[int(point.group(1))] = chapter
    return titles, chapters


def test_all_56_questions_under_their_point_word_for_word_in_order(seed_lines):
    seed = _checklist_of(seed_lines)
    data = checklist()
    assert [p.number for p in data.points] == list(range(1, 17))
    assert sum(len(p.questions) for p in data.points) == 56
    for point in data.points:
        expected = seed[point.number]
        assert [q.text for q in point.questions] == [text for text, _options in expected]
        assert [q.id for q in point.questions] == [
            f"{point.number}.{n}" for n in range(1, len(expected) + 1)
        ]
        for question, (_text, options) in zip(point.questions, expected, strict=True):
            assert [o.label for o in question.options] == options, question.id


def test_the_continuation_pages_belong_to_their_point(seed_lines):
    data = checklist()
    assert len(data.point(6).questions) == 9
    assert len(data.point(9).questions) == 9
    assert len(data.point(11).questions) == 7
    # the seed's own spelling is kept
    assert "werzoekendenbestand" in data.question("11.1").text


def test_points_15_and_16_ask_the_council_for_action_points_as_the_seed_does(seed_lines):
    data = checklist()
    asks = {q.id for q in data.questions if q.asks_action_points}
    assert asks == {"15.1", "16.1"}
    assert data.question("15.1").text_label == "Actiepunten"
    assert data.question("15.2").text_label == "Opmerkingen/vragen richting gemeente"
    assert [o.value for o in data.question("16.1").options] == ["yes", "no", "action_points"]


def test_titles_and_chapters_are_the_workbooks(seed_lines):
    titles, chapters = _body_of(seed_lines)
    data = checklist()
    for point in data.points:
        assert point.title == titles[point.number]
        assert (point.chapter.number, point.chapter.title) == chapters[point.number]
    assert data.point(8).chapter.title == "Dienstverlening voor de werkgever"
    assert data.point(13).title == (
        "Is er bij de vormgeving van het gemeentelijk arbeidsmarktbeleid voldoende aandacht "
        "voor interne afstemming met andere beleidsterreinen?"
    )
    # a title that ends in a colon keeps the items it asks about
    assert len(data.point(6).title_items) == 9
    assert len(data.point(9).title_items) == 7


def test_each_point_has_werkpads_own_explanation_not_the_workbooks(seed_lines):
    seed_text = "\n".join(seed_lines)
    for point in checklist().points:
        sentences = [s for s in re.split(r"(?<=[.?!])\s+", point.explanation) if s]
        assert 2 <= len(sentences) <= 4, point.number
        for sentence in sentences:
            assert sentence not in seed_text, (point.number, sentence)


def test_the_data_names_its_source_and_version():
    raw = json.loads(_DATA.read_text(encoding="utf-8"))
    assert raw["source"]["publisher"].startswith("Landelijke Cliëntenraad")
    assert raw["source"]["date"] == "2013-06"
    assert checklist().version == raw["version"] == "lcr-2013-06"
