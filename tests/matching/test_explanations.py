"""Every result says in plain Dutch why it scored as it did."""

from __future__ import annotations

from werkpad.matching.engine import JobSeekerProfile, Vacancy, candidates_for, score

VACANCY = Vacancy(
    id="v1",
    employer_id="e1",
    occupation_code="7212",
    skills=frozenset({"lassen", "heftruck", "excel", "tekening lezen"}),
    min_education_level=3,
    region="AMS",
    hours=32,
    conditions=frozenset({"standing"}),
)


def _seeker(**changes) -> JobSeekerProfile:
    fields = {
        "id": "1",
        "occupation_codes": frozenset({"7212"}),
        "skills": frozenset({"lassen", "heftruck", "excel"}),
        "education_level": 3,
        "regions": frozenset({"AMS"}),
        "min_hours": 24,
        "max_hours": 36,
        "limitations": frozenset(),
    }
    return JobSeekerProfile(**(fields | changes))


def test_a_good_fit_explains_occupation_skills_and_education():
    assert score(_seeker(), VACANCY).explanation == (
        "beroep past (7212); 3 van 4 vaardigheden; opleiding voldoet"
    )


def test_another_occupation_and_a_lower_education_are_named():
    seeker = _seeker(occupation_codes=frozenset({"5223"}), skills=frozenset(), education_level=2)
    assert score(seeker, VACANCY).explanation == (
        "ander beroep (gevraagd: 7212); 0 van 4 vaardigheden; "
        "opleiding één niveau lager dan gevraagd"
    )
    assert (
        "opleiding 2 niveaus lager dan gevraagd"
        in score(_seeker(education_level=1), VACANCY).explanation
    )


def test_preferences_are_counted_when_the_job_seeker_has_them():
    seeker = _seeker(preferences=frozenset({"standing", "driving"}))
    assert score(seeker, VACANCY).explanation.endswith("; 1 van 2 wensen vervuld")


def test_a_vacancy_without_skills_says_so():
    vacancy = Vacancy("v2", "e1", "7212", frozenset(), 1, "AMS", 32, frozenset())
    assert "geen vaardigheden gevraagd" in score(_seeker(), vacancy).explanation


def test_the_result_carries_the_explanation_and_the_score():
    [match] = candidates_for(VACANCY, [_seeker()], 20)
    assert (match.vacancy_id, match.job_seeker_id, match.rank) == ("v1", "1", 1)
    assert match.score == 93.75
    assert match.explanation == score(_seeker(), VACANCY).explanation


def test_the_profile_holds_no_protected_attribute():
    names = set(JobSeekerProfile.__dataclass_fields__)
    assert not names & {
        "gender",
        "sex",
        "age",
        "birth_date",
        "disability",
        "nationality",
        "ethnicity",
    }
