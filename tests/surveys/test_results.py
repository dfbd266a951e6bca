"""Results (RI6): counts per answer option and the mean of a scale, small counts withheld
by the one rule of ``core.suppression``; open answers only once the survey has
WERKPAD_MIN_CELL responses. And the surveys held, as evidence for the council."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.surveys.factories import QuestionFactory, SurveyFactory, respond
from werkpad.surveys import selectors
from werkpad.surveys.models import QuestionKind
from werkpad.surveys.selectors import HeldSurvey, question_cells, surveys_held
from werkpad.surveys.workflow import Audience, Party

MIN = 10


@settings(max_examples=300, deadline=None)
@given(
    kind=st.sampled_from([QuestionKind.SCALE, QuestionKind.YES_NO]),
    counts=st.lists(st.integers(min_value=0, max_value=40), min_size=5, max_size=5),
)
def test_no_shown_count_is_small_and_no_withheld_one_can_be_worked_out(kind, counts):
    numbers = [1, 2, 3, 4, 5] if kind == QuestionKind.SCALE else [1, 0]
    per_number = dict(zip(numbers, counts, strict=False))
    total = sum(per_number.values())
    cells, mean = question_cells(kind, per_number, min_cell=MIN)
    shown = [c for c in cells if not c.suppressed]
    withheld = [c for c in cells if c.suppressed]
    if total < MIN:
        assert not shown and mean is None
        return
    # no shown option count under the minimum (zero is no person)
    assert all(c.count == 0 or c.count >= MIN for c in shown)
    # a single withheld option with persons in it could be worked out as the total minus
    # the others: withheld options with persons are never alone, and together hold at
    # least the minimum
    true = dict(zip([c.key for c in cells], [per_number.get(n, 0) for n in numbers], strict=True))
    hidden_people = [true[c.key] for c in withheld if true[c.key]]
    assert len(hidden_people) != 1
    assert not hidden_people or sum(hidden_people) >= MIN
    assert all(c.count is None and c.share is None for c in withheld)
    if kind == QuestionKind.SCALE and not withheld:
        assert mean == pytest.approx(sum(n * c for n, c in per_number.items()) / total)
    else:
        # the mean beside the shown counts and the total would give a withheld one away
        assert mean is None


def test_the_mean_is_not_shown_beside_a_withheld_count():
    # 15 answers: ten 3s and five 5s. With the 5s withheld as small, the mean 3.67 would
    # give them back as (3.67 * 15 - 30) / 5.
    cells, mean = question_cells(QuestionKind.SCALE, {3: 10, 5: 5}, min_cell=MIN)

    assert [c.key for c in cells if c.suppressed] and mean is None


def test_a_scale_shows_its_counts_and_mean_when_large_enough():
    cells, mean = question_cells(
        QuestionKind.SCALE, {1: 10, 2: 0, 3: 20, 4: 40, 5: 30}, min_cell=MIN
    )
    assert [(c.key, c.count) for c in cells] == [
        ("1", 10),
        ("2", 0),
        ("3", 20),
        ("4", 40),
        ("5", 30),
    ]
    assert mean == pytest.approx((10 + 60 + 160 + 150) / 100)


def test_one_small_option_takes_the_next_smallest_with_it():
    cells, _mean = question_cells(QuestionKind.YES_NO, {1: 40, 0: 3}, min_cell=MIN)
    assert [(c.key, c.count, c.suppressed) for c in cells] == [
        ("yes", None, "complementary"),
        ("no", None, "small"),
    ]


@pytest.mark.django_db
class TestSurveyResults:
    @pytest.fixture
    def survey(self, amsterdam):
        return SurveyFactory(municipality=amsterdam, closed=True)

    def test_open_answers_wait_for_enough_responses(self, survey, policy_officer):
        scale = QuestionFactory(survey=survey, order=1)
        tips = QuestionFactory(survey=survey, order=2, open_text=True)
        for n in range(MIN - 1):
            respond(survey, {scale: 4, tips: f"Tip {n}"})
        results = selectors.survey_results(user=policy_officer, id=survey.pk)
        assert results.responses == MIN - 1
        assert not results.texts_shown
        scale_result, tips_result = results.questions
        assert tips_result.texts == []
        assert all(c.suppressed == "small" for c in scale_result.cells)
        assert scale_result.mean is None
        respond(survey, {scale: 5, tips: "Tip 9"})
        results = selectors.survey_results(user=policy_officer, id=survey.pk)
        assert results.texts_shown
        assert results.questions[1].texts == sorted(f"Tip {n}" for n in range(MIN))
        assert [c.count for c in results.questions[0].cells] == [0, 0, 0, None, None]

    def test_the_council_sees_the_same_withheld_numbers(
        self, survey, council_member, policy_officer
    ):
        question = QuestionFactory(survey=survey, yes_no=True)
        for value in [1] * 30 + [0] * 4:
            respond(survey, {question: value})
        for user in (policy_officer, council_member):
            cells = selectors.survey_results(user=user, id=survey.pk).questions[0].cells
            assert [c.count for c in cells] == [None, None]

    def test_results_cost_the_same_queries_at_any_size(
        self, survey, policy_officer, django_assert_max_num_queries
    ):
        questions = [QuestionFactory(survey=survey, order=n) for n in range(1, 6)]
        for _ in range(30):
            respond(survey, dict.fromkeys(questions, 3))
        with django_assert_max_num_queries(8):
            selectors.survey_results(user=policy_officer, id=survey.pk)


@pytest.mark.django_db
def test_surveys_held_on_known_data(amsterdam, zaandam):
    since = dt.date(2026, 1, 1)
    older = SurveyFactory(municipality=amsterdam, closed=True, opened_on=dt.date(2025, 10, 1))
    closed = SurveyFactory(municipality=amsterdam, closed=True, by_council=True, title="Najaar")
    running = SurveyFactory(municipality=amsterdam, open=True, title="Nu")
    SurveyFactory(municipality=amsterdam, approved=True)
    SurveyFactory(municipality=amsterdam, closed=True, for_employers=True)
    SurveyFactory(municipality=zaandam, closed=True)
    for _ in range(3):
        respond(closed, {})
    respond(running, {})
    respond(older, {})
    held = surveys_held(municipality=amsterdam, audience=Audience.JOB_SEEKERS, since=since)
    assert held == [
        HeldSurvey(
            id=closed.pk,
            title="Najaar",
            audience=Audience.JOB_SEEKERS,
            opened_on=dt.date(2026, 9, 1),
            closed_on=dt.date(2026, 9, 30),
            responses=3,
            council_involved=True,
        ),
        HeldSurvey(
            id=running.pk,
            title="Nu",
            audience=Audience.JOB_SEEKERS,
            opened_on=dt.date(2026, 11, 2),
            closed_on=None,
            responses=1,
            council_involved=True,
        ),
    ]
    assert closed.origin == Party.COUNCIL and running.approved_by_party == Party.COUNCIL
    employers = surveys_held(municipality=amsterdam.pk, audience=Audience.EMPLOYERS, since=since)
    assert [h.audience for h in employers] == [Audience.EMPLOYERS]
    assert (
        surveys_held(
            municipality=amsterdam, audience=Audience.JOB_SEEKERS, since=dt.date(2026, 10, 1)
        )[0].id
        == running.pk
    )


@pytest.mark.django_db
def test_surveys_held_takes_one_query(amsterdam, django_assert_num_queries):
    for _ in range(5):
        SurveyFactory(municipality=amsterdam, closed=True)
    with django_assert_num_queries(1):
        surveys_held(
            municipality=amsterdam, audience=Audience.JOB_SEEKERS, since=dt.date(2026, 1, 1)
        )
