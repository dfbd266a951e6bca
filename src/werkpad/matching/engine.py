"""The matching engine: job seekers and vacancies ranked for each other.

Pure Python, no Django and no werkpad app (an import-linter contract holds it so),
so a management command, a page, the API or a benchmark can call it alike.

Hard limits are never broken: a vacancy's region must be one the job seeker
accepts, its hours within the job seeker's range, and no condition ``X`` of the
vacancy may meet a limitation ``no_X`` of the job seeker. Among those eligible,
an occupation match always ranks above no occupation match; then the share of
the vacancy's skills the job seeker has, the education against the required
level, and the job seeker's preferences. Ties go to the lower id. Nothing else
is known about a person here: no protected attribute exists in a profile.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import Enum

#: Limitation codes werkpad knows; any ``no_<condition>`` works the same.
KNOWN_CONDITIONS = ("night_work", "heavy_lifting", "customer_contact", "driving", "standing")
LIMITATION_PREFIX = "no_"

# Points. An occupation match outweighs all the rest together (40 < 60), so
# ranking by the score is ranking by occupation match first.
OCCUPATION_POINTS = 60.0
SKILLS_POINTS = 25.0
EDUCATION_POINTS = 10.0
PREFERENCE_POINTS = 5.0


@dataclass(frozen=True, slots=True)
class JobSeekerProfile:
    id: str
    occupation_codes: frozenset[str]
    skills: frozenset[str]
    education_level: int
    regions: frozenset[str]
    min_hours: float
    max_hours: float
    limitations: frozenset[str]
    preferences: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Vacancy:
    id: str
    employer_id: str
    occupation_code: str
    skills: frozenset[str]
    min_education_level: int
    region: str
    hours: float
    conditions: frozenset[str]


@dataclass(frozen=True, slots=True)
class Score:
    """How well one eligible job seeker and one vacancy fit, and why."""

    value: float
    occupation_match: bool
    occupation_code: str
    skills_held: int
    skills_asked: int
    education_gap: int
    preferences_met: int
    preferences_total: int

    @property
    def explanation(self) -> str:
        parts = [
            f"beroep past ({self.occupation_code})"
            if self.occupation_match
            else f"ander beroep (gevraagd: {self.occupation_code})"
        ]
        if self.skills_asked:
            parts.append(f"{self.skills_held} van {self.skills_asked} vaardigheden")
        else:
            parts.append("geen vaardigheden gevraagd")
        if self.education_gap <= 0:
            parts.append("opleiding voldoet")
        elif self.education_gap == 1:
            parts.append("opleiding één niveau lager dan gevraagd")
        else:
            parts.append(f"opleiding {self.education_gap} niveaus lager dan gevraagd")
        if self.preferences_total:
            parts.append(f"{self.preferences_met} van {self.preferences_total} wensen vervuld")
        return "; ".join(parts)


@dataclass(frozen=True, slots=True)
class Match:
    """One ranked result: rank 1 is the best."""

    vacancy_id: str
    job_seeker_id: str
    rank: int
    score: float
    explanation: str


class Direction(Enum):
    VACANCY_TO_CANDIDATES = "vacancy-to-candidates"
    JOB_SEEKER_TO_VACANCIES = "job-seeker-to-vacancies"


def clashing_conditions(job_seeker: JobSeekerProfile, vacancy: Vacancy) -> frozenset[str]:
    """The vacancy's conditions the job seeker has a ``no_<condition>`` limitation for."""
    return frozenset(
        condition
        for condition in vacancy.conditions
        if LIMITATION_PREFIX + condition in job_seeker.limitations
    )


def eligible(job_seeker: JobSeekerProfile, vacancy: Vacancy) -> bool:
    """True when no hard limit stands between them."""
    return (
        vacancy.region in job_seeker.regions
        and job_seeker.min_hours <= vacancy.hours <= job_seeker.max_hours
        and not clashing_conditions(job_seeker, vacancy)
    )


def score(job_seeker: JobSeekerProfile, vacancy: Vacancy) -> Score:
    """The score of an (eligible) pair; it does not check the hard limits."""
    occupation_match = vacancy.occupation_code in job_seeker.occupation_codes
    skills_held = len(vacancy.skills & job_seeker.skills)
    skills_asked = len(vacancy.skills)
    skills_share = skills_held / skills_asked if skills_asked else 1.0
    education_gap = vacancy.min_education_level - job_seeker.education_level
    education_share = 1.0 if education_gap <= 0 else 0.5 if education_gap == 1 else 0.0
    offered = vacancy.conditions | {vacancy.occupation_code, vacancy.region}
    preferences_met = len(job_seeker.preferences & offered)
    preferences_total = len(job_seeker.preferences)
    preference_share = preferences_met / preferences_total if preferences_total else 1.0
    value = (
        OCCUPATION_POINTS * occupation_match
        + SKILLS_POINTS * skills_share
        + EDUCATION_POINTS * education_share
        + PREFERENCE_POINTS * preference_share
    )
    return Score(
        value=value,
        occupation_match=occupation_match,
        occupation_code=vacancy.occupation_code,
        skills_held=skills_held,
        skills_asked=skills_asked,
        education_gap=education_gap,
        preferences_met=preferences_met,
        preferences_total=preferences_total,
    )


def id_key(identifier: str) -> tuple[int, int, str]:
    """Numeric ids in numeric order, then the others in text order."""
    if identifier.isdigit():
        return (0, int(identifier), identifier)
    return (1, 0, identifier)


_Scored = tuple[float, tuple[int, int, str], Score, JobSeekerProfile, Vacancy]


def _best(scored: Iterable[_Scored], top: int) -> list[_Scored]:
    return heapq.nsmallest(top, scored, key=lambda item: (-item[0], item[1]))


def _ranked(best: Sequence[_Scored]) -> list[Match]:
    return [
        Match(
            vacancy_id=vacancy.id,
            job_seeker_id=job_seeker.id,
            rank=rank,
            score=round(pair_score.value, 2),
            explanation=pair_score.explanation,
        )
        for rank, (_, _, pair_score, job_seeker, vacancy) in enumerate(best, start=1)
    ]


def _candidates(vacancy: Vacancy, job_seekers: Iterable[JobSeekerProfile]) -> Iterator[_Scored]:
    for job_seeker in job_seekers:
        if eligible(job_seeker, vacancy):
            pair_score = score(job_seeker, vacancy)
            yield (pair_score.value, id_key(job_seeker.id), pair_score, job_seeker, vacancy)


def _vacancies(job_seeker: JobSeekerProfile, vacancies: Iterable[Vacancy]) -> Iterator[_Scored]:
    for vacancy in vacancies:
        if eligible(job_seeker, vacancy):
            pair_score = score(job_seeker, vacancy)
            yield (pair_score.value, id_key(vacancy.id), pair_score, job_seeker, vacancy)


def candidates_for(
    vacancy: Vacancy, job_seekers: Iterable[JobSeekerProfile], top: int
) -> list[Match]:
    """The vacancy's best ``top`` eligible job seekers, ranked 1..n."""
    return _ranked(_best(_candidates(vacancy, job_seekers), top))


def vacancies_for(
    job_seeker: JobSeekerProfile, vacancies: Iterable[Vacancy], top: int
) -> list[Match]:
    """The job seeker's best ``top`` eligible vacancies, ranked 1..n."""
    return _ranked(_best(_vacancies(job_seeker, vacancies), top))


class MatchIndex:
    """Job seekers and vacancies indexed by region and by (region, occupation).

    A vacancy is only ever compared with job seekers who accept its region; and
    since an occupation match outranks every pair without one, the rest of the
    region is read only when the occupation matches leave fewer than ``top``
    eligible. The results equal those of `candidates_for` and `vacancies_for`.
    """

    def __init__(
        self, job_seekers: Iterable[JobSeekerProfile], vacancies: Iterable[Vacancy]
    ) -> None:
        self.job_seekers = list(job_seekers)
        self.vacancies = list(vacancies)
        self._seekers_by_region: dict[str, list[JobSeekerProfile]] = defaultdict(list)
        self._seekers_by_occupation: dict[tuple[str, str], list[JobSeekerProfile]] = defaultdict(
            list
        )
        for job_seeker in self.job_seekers:
            for region in job_seeker.regions:
                self._seekers_by_region[region].append(job_seeker)
                for code in job_seeker.occupation_codes:
                    self._seekers_by_occupation[region, code].append(job_seeker)
        self._vacancies_by_region: dict[str, list[Vacancy]] = defaultdict(list)
        self._vacancies_by_occupation: dict[tuple[str, str], list[Vacancy]] = defaultdict(list)
        for vacancy in self.vacancies:
            self._vacancies_by_region[vacancy.region].append(vacancy)
            self._vacancies_by_occupation[vacancy.region, vacancy.occupation_code].append(vacancy)

    def candidates_for(self, vacancy: Vacancy, top: int) -> list[Match]:
        matched = list(
            _candidates(
                vacancy,
                self._seekers_by_occupation.get((vacancy.region, vacancy.occupation_code), ()),
            )
        )
        if len(matched) < top:
            others = (
                job_seeker
                for job_seeker in self._seekers_by_region.get(vacancy.region, ())
                if vacancy.occupation_code not in job_seeker.occupation_codes
            )
            matched.extend(_candidates(vacancy, others))
        return _ranked(_best(matched, top))

    def vacancies_for(self, job_seeker: JobSeekerProfile, top: int) -> list[Match]:
        matched = list(
            _vacancies(
                job_seeker,
                (
                    vacancy
                    for region in job_seeker.regions
                    for code in job_seeker.occupation_codes
                    for vacancy in self._vacancies_by_occupation.get((region, code), ())
                ),
            )
        )
        if len(matched) < top:
            others = (
                vacancy
                for region in job_seeker.regions
                for vacancy in self._vacancies_by_region.get(region, ())
                if vacancy.occupation_code not in job_seeker.occupation_codes
            )
            matched.extend(_vacancies(job_seeker, others))
        return _ranked(_best(matched, top))


def match_all(
    job_seekers: Iterable[JobSeekerProfile],
    vacancies: Iterable[Vacancy],
    *,
    direction: Direction,
    top: int,
    progress: Callable[[int, int], None] | None = None,
) -> Iterator[Match]:
    """Many x many: each vacancy's candidates, or each job seeker's vacancies,
    in input order, each ranked 1..n; ``progress(done, total)`` after each."""
    index = MatchIndex(job_seekers, vacancies)
    if direction is Direction.VACANCY_TO_CANDIDATES:
        total = len(index.vacancies)
        for done, vacancy in enumerate(index.vacancies, start=1):
            yield from index.candidates_for(vacancy, top)
            if progress is not None:
                progress(done, total)
    else:
        total = len(index.job_seekers)
        for done, job_seeker in enumerate(index.job_seekers, start=1):
            yield from index.vacancies_for(job_seeker, top)
            if progress is not None:
                progress(done, total)
