"""Hypothesis strategies: small worlds of job seekers and vacancies that often meet."""

from __future__ import annotations

from hypothesis import strategies as st

from werkpad.matching.engine import KNOWN_CONDITIONS, JobSeekerProfile, Vacancy

REGIONS = ("AMS", "ZAA", "UTR")
OCCUPATIONS = ("7212", "5223", "9112")
SKILLS = ("lassen", "kassa", "schoonmaak", "heftruck", "excel")
IDS = st.integers(1, 10_000)
HOURS = (8.0, 16.0, 24.0, 32.0, 36.0, 40.0)

_sets = lambda values, **kw: st.frozensets(st.sampled_from(values), **kw)  # noqa: E731


@st.composite
def job_seekers(draw):
    low, high = sorted(draw(st.lists(st.sampled_from(HOURS), min_size=2, max_size=2)))
    return JobSeekerProfile(
        id=str(draw(IDS)),
        occupation_codes=draw(_sets(OCCUPATIONS, max_size=2)),
        skills=draw(_sets(SKILLS)),
        education_level=draw(st.integers(1, 5)),
        regions=draw(_sets(REGIONS, min_size=1)),
        min_hours=low,
        max_hours=high,
        limitations=draw(_sets(tuple(f"no_{c}" for c in (*KNOWN_CONDITIONS, "cold")))),
        preferences=draw(_sets(("night_work", "driving", "AMS", "7212"), max_size=2)),
    )


@st.composite
def vacancies(draw):
    return Vacancy(
        id=str(draw(IDS)),
        employer_id=str(draw(st.integers(1, 5))),
        occupation_code=draw(st.sampled_from(OCCUPATIONS)),
        skills=draw(_sets(SKILLS)),
        min_education_level=draw(st.integers(1, 5)),
        region=draw(st.sampled_from(REGIONS)),
        hours=draw(st.sampled_from(HOURS)),
        conditions=draw(_sets((*KNOWN_CONDITIONS, "cold"), max_size=2)),
    )


def unique_by_id(items):
    return list({item.id: item for item in items}.values())


job_seeker_lists = st.lists(job_seekers(), max_size=30).map(unique_by_id)
vacancy_lists = st.lists(vacancies(), max_size=30).map(unique_by_id)
