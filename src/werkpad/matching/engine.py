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

import functools
import heapq
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import Enum

import numpy as np
import numpy.typing as npt

from werkpad.matching.index import (
    EDUCATION_POINTS,
    LIMITATION_PREFIX,
    OCCUPATION_POINTS,
    PREFERENCE_POINTS,
    SKILLS_POINTS,
    ColumnIndex,
    Ints,
    Picks,
    components,
)

__all__ = [
    "EDUCATION_POINTS",
    "KNOWN_CONDITIONS",
    "LIMITATION_PREFIX",
    "OCCUPATION_POINTS",
    "PREFERENCE_POINTS",
    "SKILLS_POINTS",
    "Direction",
    "JobSeekerProfile",
    "Match",
    "MatchColumns",
    "MatchIndex",
    "Score",
    "Vacancy",
    "candidates_for",
    "eligible",
    "match_all",
    "match_columns",
    "score",
    "vacancies_for",
]

#: Limitation codes werkpad knows; any ``no_<condition>`` works the same.
KNOWN_CONDITIONS = ("night_work", "heavy_lifting", "customer_contact", "driving", "standing")


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


def _explained(ranked: Iterable[tuple[JobSeekerProfile, Vacancy]]) -> list[Match]:
    """Ranked pairs as matches, each scored and explained."""
    return _ranked(
        [(0.0, (0, 0, ""), score(seeker, vacancy), seeker, vacancy) for seeker, vacancy in ranked]
    )


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


def _tie_break_order(items: Sequence[JobSeekerProfile] | Sequence[Vacancy]) -> list[int]:
    """Positions of ``items`` by id as ties are broken; equal ids in input order."""
    return sorted(range(len(items)), key=lambda i: (id_key(items[i].id), i))


@functools.lru_cache(maxsize=1 << 16)
def _explanation(
    occupation_match: bool,
    occupation_code: str,
    skills_held: int,
    skills_asked: int,
    education_gap: int,
    preferences_met: int,
    preferences_total: int,
) -> str:
    return Score(
        0.0,
        occupation_match,
        occupation_code,
        skills_held,
        skills_asked,
        education_gap,
        preferences_met,
        preferences_total,
    ).explanation


def _objects(items: Sequence[object]) -> npt.NDArray[np.object_]:
    """``items`` as a numpy array of the same objects (to pick from by number)."""
    array = np.empty(len(items), dtype=object)
    array[:] = items
    return array


def _row_keys(table: Ints) -> Ints:
    """One int64 per row of ``table``, equal only for equal rows (a mixed-radix
    number when it fits, else the rows' bytes numbered)."""
    low = table.min(axis=0)
    sizes = (table.max(axis=0) - low + 1).tolist()
    if np.prod(np.array(sizes, dtype=np.float64)) < 2.0**62:
        key = np.zeros(len(table), dtype=np.int64)
        for column, size in enumerate(sizes):
            key = key * size + (table[:, column] - low[column])
        return key
    _, number = np.unique(table, axis=0, return_inverse=True)
    return number.ravel()


#: Results are scored and explained this many asking rows at a time.
_ROWS_PER_CHUNK = 4096


@dataclass(frozen=True, slots=True)
class MatchColumns:
    """Ranked matches of a bulk run, column by column: the i-th of each list
    together make one `Match`."""

    vacancy_ids: list[str]
    job_seeker_ids: list[str]
    ranks: list[int]
    scores: list[float]
    explanations: list[str]

    def __len__(self) -> int:
        return len(self.ranks)

    def matches(self) -> Iterator[Match]:
        for fields in zip(
            self.vacancy_ids,
            self.job_seeker_ids,
            self.ranks,
            self.scores,
            self.explanations,
            strict=True,
        ):
            yield Match(*fields)


class MatchIndex:
    """Job seekers and vacancies as columns of numbers, by region and by
    (region, occupation) (`werkpad.matching.index`).

    A vacancy is only ever compared with job seekers who accept its region; and
    since an occupation match outranks every pair without one, the rest of the
    region is scored only when the occupation matches leave fewer than ``top``
    eligible. The results equal those of `candidates_for` and `vacancies_for`.
    """

    def __init__(
        self, job_seekers: Iterable[JobSeekerProfile], vacancies: Iterable[Vacancy]
    ) -> None:
        self.job_seekers = list(job_seekers)
        self.vacancies = list(vacancies)
        seeker_order = _tie_break_order(self.job_seekers)
        vacancy_order = _tie_break_order(self.vacancies)
        # Inside, row i is the i-th in tie-break order.
        self.ranked_job_seekers = [self.job_seekers[i] for i in seeker_order]
        self.ranked_vacancies = [self.vacancies[i] for i in vacancy_order]
        self._seeker_row = np.empty(len(seeker_order), dtype=np.int64)
        self._seeker_row[seeker_order] = np.arange(len(seeker_order))
        self._vacancy_row = np.empty(len(vacancy_order), dtype=np.int64)
        self._vacancy_row[vacancy_order] = np.arange(len(vacancy_order))
        self.columns = ColumnIndex(self.ranked_job_seekers, self.ranked_vacancies)
        self._seeker_ids = np.array([s.id for s in self.ranked_job_seekers], dtype=object)
        self._vacancy_ids = np.array([v.id for v in self.ranked_vacancies], dtype=object)
        self._occupation_codes = list(self.columns.words.occupations.ids)  # by id

    def candidates_for(self, vacancy: Vacancy, top: int) -> list[Match]:
        if top < 1:
            return []
        _, picks = self.columns.candidates_for(vacancy, top)
        people = self.ranked_job_seekers
        return _explained((people[row], vacancy) for row in picks.answer.tolist())

    def vacancies_for(self, job_seeker: JobSeekerProfile, top: int) -> list[Match]:
        if top < 1:
            return []
        _, picks = self.columns.vacancies_for(job_seeker, top)
        openings = self.ranked_vacancies
        return _explained((job_seeker, openings[row]) for row in picks.answer.tolist())

    def _columns(self, picks: Picks, seeker_rows: Ints, vacancy_rows: Ints) -> MatchColumns:
        """The picks (of indexed rows) as output rows, scored and explained.

        A bulk run has few distinct scores and explanations: each is rounded or
        written once.
        """
        if not len(picks.asking):
            return MatchColumns([], [], [], [], [])
        columns = self.columns
        parts = components(
            columns.seekers, seeker_rows, columns.vacancies, vacancy_rows, pairwise=False
        )
        first = np.r_[True, picks.asking[1:] != picks.asking[:-1]]
        starts = np.maximum.accumulate(np.where(first, np.arange(len(first)), 0))
        ranks = (np.arange(len(first)) - starts + 1).tolist()
        values, value_number = np.unique(picks.value, return_inverse=True)
        rounded = [round(value, 2) for value in values.tolist()]
        shape = parts.eligible.shape
        kinds = np.stack(
            [
                np.broadcast_to(part, shape).ravel().astype(np.int64)
                for part in (
                    parts.occupation_match,
                    columns.vacancies.occupation[vacancy_rows][:, None],
                    parts.skills_held,
                    parts.skills_asked,
                    parts.education_gap,
                    parts.preferences_met,
                    parts.preferences_total,
                )
            ],
            axis=1,
        )
        _, first_of_kind, kind_number = np.unique(
            _row_keys(kinds), return_index=True, return_inverse=True
        )
        codes = self._occupation_codes
        texts = [
            _explanation(bool(match), codes[code], held, asked, gap, met, total)
            for match, code, held, asked, gap, met, total in kinds[first_of_kind].tolist()
        ]
        return MatchColumns(
            vacancy_ids=self._vacancy_ids[vacancy_rows].tolist(),
            job_seeker_ids=self._seeker_ids[seeker_rows].tolist(),
            ranks=ranks,
            scores=_objects(rounded)[value_number.ravel()].tolist(),
            explanations=_objects(texts)[kind_number.ravel()].tolist(),
        )

    def all_columns(
        self,
        direction: Direction,
        top: int,
        progress: Callable[[int, int], None] | None = None,
    ) -> Iterator[MatchColumns]:
        """`match_columns` on this index."""
        for start, stop, total, _, chunk in self._chunks(direction, top):
            yield chunk
            if progress is not None:
                for done in range(start + 1, stop + 1):
                    progress(done, total)

    def all_matches(
        self,
        direction: Direction,
        top: int,
        progress: Callable[[int, int], None] | None = None,
    ) -> Iterator[Match]:
        """`match_all` on this index."""
        for start, _, total, counts, chunk in self._chunks(direction, top):
            matches = chunk.matches()
            for done, count in enumerate(counts, start=start + 1):
                for _ in range(count):
                    yield next(matches)
                if progress is not None:
                    progress(done, total)

    def _chunks(
        self, direction: Direction, top: int
    ) -> Iterator[tuple[int, int, int, list[int], MatchColumns]]:
        """(start, stop, total, matches per asking row, rows) for each chunk of
        asking rows, in input order."""
        by_vacancy = direction is Direction.VACANCY_TO_CANDIDATES
        row_of = self._vacancy_row if by_vacancy else self._seeker_row
        total = len(row_of)
        if top < 1:
            picks = Picks.merged([], top)
        elif by_vacancy:
            picks = self.columns.all_candidates(top)
        else:
            picks = self.columns.all_vacancies(top)
        # The picks in input order of the asking side (rank order within each).
        position_of = np.empty(total, dtype=np.int64)
        position_of[row_of] = np.arange(total)
        order = np.argsort(position_of[picks.asking], kind="stable")
        picks = Picks(picks.asking[order], picks.answer[order], picks.value[order])
        counts = np.bincount(position_of[picks.asking], minlength=total).tolist()
        ends = np.cumsum([0, *counts]).tolist()
        for start in range(0, total, _ROWS_PER_CHUNK):
            stop = min(total, start + _ROWS_PER_CHUNK)
            span = slice(ends[start], ends[stop])
            part = Picks(picks.asking[span], picks.answer[span], picks.value[span])
            if by_vacancy:
                chunk = self._columns(part, part.answer, part.asking)
            else:
                chunk = self._columns(part, part.asking, part.answer)
            yield start, stop, total, counts[start:stop], chunk


def match_columns(
    job_seekers: Iterable[JobSeekerProfile],
    vacancies: Iterable[Vacancy],
    *,
    direction: Direction,
    top: int,
    progress: Callable[[int, int], None] | None = None,
) -> Iterator[MatchColumns]:
    """`match_all` in chunks of a few thousand asking rows, column by column:
    what a file is written from. ``progress`` is called after each chunk."""
    return MatchIndex(job_seekers, vacancies).all_columns(direction, top, progress)


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
    return MatchIndex(job_seekers, vacancies).all_matches(direction, top, progress)
