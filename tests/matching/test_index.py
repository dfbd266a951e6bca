"""The column index (`werkpad.matching.index`) gives exactly what the plain scan
gives: the same job seekers or vacancies, the same order (ties included), the
same scores to the last bit and the same explanations, one query at a time or
all at once, for indexed and for new objects alike."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.matching.strategies import (
    job_seeker_lists,
    job_seekers,
    unique_by_id,
    vacancies,
    vacancy_lists,
)
from tests.matching.test_engine import (
    test_the_indexed_bulk_run_equals_the_full_scan as bulk_equals_plain_scan,
)
from werkpad.matching import index as index_module
from werkpad.matching.engine import (
    JobSeekerProfile,
    MatchIndex,
    Vacancy,
    candidates_for,
    eligible,
    score,
    vacancies_for,
)
from werkpad.matching.index import components

tops = st.integers(1, 12)
# Few ids, numeric and not, so that ties are frequent and cross the two kinds.
MIXED_IDS = st.sampled_from(["1", "2", "9", "10", "11", "100", "a", "B", "x1", "x10", "007"])


def _renamed(items, ids):
    return st.lists(st.tuples(items, ids), max_size=30).map(
        lambda pairs: unique_by_id([replace(item, id=new_id) for item, new_id in pairs])
    )


mixed_seekers = _renamed(job_seekers(), MIXED_IDS)
mixed_vacancies = _renamed(vacancies(), MIXED_IDS)


@settings(max_examples=150)
@given(st.one_of(job_seeker_lists, mixed_seekers), st.one_of(vacancy_lists, mixed_vacancies), tops)
def test_one_query_on_the_index_equals_the_plain_scan(seekers, openings, top):
    index = MatchIndex(seekers, openings)
    for vacancy in openings:
        assert index.candidates_for(vacancy, top) == candidates_for(vacancy, seekers, top)
    for seeker in seekers:
        assert index.vacancies_for(seeker, top) == vacancies_for(seeker, openings, top)


@settings(max_examples=100)
@given(job_seeker_lists, vacancy_lists, vacancies(), job_seekers(), tops)
def test_an_object_outside_the_index_is_ranked_as_the_plain_scan_ranks_it(
    seekers, openings, new_vacancy, new_seeker, top
):
    index = MatchIndex(seekers, openings)
    assert index.candidates_for(new_vacancy, top) == candidates_for(new_vacancy, seekers, top)
    assert index.vacancies_for(new_seeker, top) == vacancies_for(new_seeker, openings, top)


@settings(max_examples=60)
@given(mixed_seekers, mixed_vacancies, tops)
def test_the_bulk_run_with_mixed_ids_equals_the_plain_scan(seekers, openings, top):
    bulk_equals_plain_scan.hypothesis.inner_test(seekers, openings, top)


@settings(max_examples=150)
@given(job_seeker_lists, vacancy_lists)
def test_every_pair_scores_bit_for_bit_as_the_engine_scores(seekers, openings):
    index = MatchIndex(seekers, openings)
    columns = index.columns
    seeker_rows = np.arange(len(seekers), dtype=np.int64)
    vacancy_rows = np.arange(len(openings), dtype=np.int64)
    values = components(columns.seekers, seeker_rows, columns.vacancies, vacancy_rows).values
    ranked_seekers, ranked_openings = index.ranked_job_seekers, index.ranked_vacancies
    for i, seeker in enumerate(ranked_seekers):
        for j, vacancy in enumerate(ranked_openings):
            # The region is the caller's to check (the index reads region blocks).
            if vacancy.region not in seeker.regions:
                continue
            if eligible(seeker, vacancy):
                assert values[i, j] == score(seeker, vacancy).value
            else:
                assert values[i, j] == -1.0


def test_many_ties_across_the_region_fallback_go_to_the_lower_ids():
    # No occupation matches at all: every candidate comes from the region fallback,
    # and all score the same.
    vacancy = Vacancy("v", "e", "9999", frozenset(), 1, "AMS", 32, frozenset())
    seekers = [
        JobSeekerProfile(
            str(i), frozenset({"7212"}), frozenset(), 3, frozenset({"AMS"}), 24, 40, frozenset()
        )
        for i in range(500, 0, -1)
    ]
    got = MatchIndex(seekers, [vacancy]).candidates_for(vacancy, 20)
    assert [m.job_seeker_id for m in got] == [str(i) for i in range(1, 21)]
    assert got == candidates_for(vacancy, seekers, 20)


@settings(max_examples=40)
@given(job_seeker_lists, vacancy_lists, tops)
def test_the_bulk_run_without_hours_groups_equals_the_plain_scan(seekers, openings, top):
    # Regions with many distinct hours are scored whole; force that path here.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(index_module, "grouping_pays", lambda groups, rows: False)
        bulk_equals_plain_scan.hypothesis.inner_test(seekers, openings, top)
