"""The engine's promises, for any job seekers and vacancies: no hard limit is ever
broken, an occupation match always ranks first, the results are complete and ranked
1..n, the same input gives the same output, and the index gives what a full scan gives."""

from __future__ import annotations

import random
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.matching.strategies import job_seeker_lists, job_seekers, vacancies, vacancy_lists
from werkpad.matching.engine import (
    Direction,
    JobSeekerProfile,
    Vacancy,
    candidates_for,
    eligible,
    match_all,
    vacancies_for,
)

tops = st.integers(1, 8)


def _hard_limits_kept(seeker: JobSeekerProfile, vacancy: Vacancy) -> bool:
    return (
        vacancy.region in seeker.regions
        and seeker.min_hours <= vacancy.hours <= seeker.max_hours
        and all(f"no_{condition}" not in seeker.limitations for condition in vacancy.conditions)
    )


@given(vacancies(), job_seeker_lists, tops)
def test_a_vacancys_candidates_keep_every_hard_limit_and_are_complete(vacancy, seekers, top):
    by_id = {seeker.id: seeker for seeker in seekers}
    results = candidates_for(vacancy, seekers, top)
    number_eligible = sum(_hard_limits_kept(seeker, vacancy) for seeker in seekers)
    assert len(results) == min(top, number_eligible)
    assert [match.rank for match in results] == list(range(1, len(results) + 1))
    assert len({match.job_seeker_id for match in results}) == len(results)
    for match in results:
        assert match.vacancy_id == vacancy.id
        assert _hard_limits_kept(by_id[match.job_seeker_id], vacancy)


@given(job_seekers(), vacancy_lists, tops)
def test_a_job_seekers_vacancies_keep_every_hard_limit_and_are_complete(seeker, openings, top):
    by_id = {vacancy.id: vacancy for vacancy in openings}
    results = vacancies_for(seeker, openings, top)
    number_eligible = sum(_hard_limits_kept(seeker, vacancy) for vacancy in openings)
    assert len(results) == min(top, number_eligible)
    assert [match.rank for match in results] == list(range(1, len(results) + 1))
    for match in results:
        assert match.job_seeker_id == seeker.id
        assert _hard_limits_kept(seeker, by_id[match.vacancy_id])


@given(vacancies(), job_seeker_lists, tops)
def test_an_occupation_match_always_ranks_above_none_and_scores_fall(vacancy, seekers, top):
    by_id = {seeker.id: seeker for seeker in seekers}
    results = candidates_for(vacancy, seekers, top)
    matched = [vacancy.occupation_code in by_id[m.job_seeker_id].occupation_codes for m in results]
    assert matched == sorted(matched, reverse=True)
    assert [m.score for m in results] == sorted((m.score for m in results), reverse=True)
    # An eligible occupation match left out means no result without one.
    eligible_matched = [
        s for s in seekers if eligible(s, vacancy) and vacancy.occupation_code in s.occupation_codes
    ]
    if len(eligible_matched) >= top:
        assert all(matched)


@given(job_seekers(), vacancy_lists, tops)
def test_a_job_seekers_occupations_come_first(seeker, openings, top):
    by_id = {vacancy.id: vacancy for vacancy in openings}
    results = vacancies_for(seeker, openings, top)
    matched = [by_id[m.vacancy_id].occupation_code in seeker.occupation_codes for m in results]
    assert matched == sorted(matched, reverse=True)


@given(vacancies(), job_seeker_lists, tops, st.randoms(use_true_random=False))
def test_the_same_input_in_any_order_gives_the_same_ranking(vacancy, seekers, top, rnd):
    shuffled = list(seekers)
    rnd.shuffle(shuffled)
    assert candidates_for(vacancy, seekers, top) == candidates_for(vacancy, shuffled, top)


@settings(max_examples=60)
@given(job_seeker_lists, vacancy_lists, tops)
def test_the_indexed_bulk_run_equals_the_full_scan(seekers, openings, top):
    bulk = list(match_all(seekers, openings, direction=Direction.VACANCY_TO_CANDIDATES, top=top))
    assert bulk == [m for v in openings for m in candidates_for(v, seekers, top)]
    bulk = list(match_all(seekers, openings, direction=Direction.JOB_SEEKER_TO_VACANCIES, top=top))
    assert bulk == [m for s in seekers for m in vacancies_for(s, openings, top)]


def test_ties_go_to_the_lower_id_in_numeric_order():
    vacancy = Vacancy("v1", "e1", "7212", frozenset(), 1, "AMS", 32, frozenset())
    twins = [
        JobSeekerProfile(
            i, frozenset({"7212"}), frozenset(), 3, frozenset({"AMS"}), 24, 40, frozenset()
        )
        for i in ("10", "9", "x", "2")
    ]
    random.Random(4).shuffle(twins)
    assert [m.job_seeker_id for m in candidates_for(vacancy, twins, 10)] == ["2", "9", "10", "x"]


def test_any_no_condition_limitation_excludes_that_condition():
    vacancy = Vacancy(
        "v1", "e1", "7212", frozenset(), 1, "AMS", 32, frozenset({"working_at_height"})
    )
    seeker = JobSeekerProfile(
        "1",
        frozenset(),
        frozenset(),
        3,
        frozenset({"AMS"}),
        24,
        40,
        frozenset({"no_working_at_height"}),
    )
    assert not eligible(seeker, vacancy)
    assert candidates_for(vacancy, [seeker], 5) == []


def test_the_engine_loads_no_django():
    code = (
        "import sys, werkpad.matching.engine; "
        "loaded = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.')); "
        "print(loaded); sys.exit(1 if loaded else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
