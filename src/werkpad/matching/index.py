"""Job seekers and vacancies as columns of numbers, scored many pairs at a time.

Pure: numpy only, no Django and no werkpad app (an import-linter contract holds it
so). `werkpad.matching.engine` builds its `MatchIndex` and `match_all` on this;
the rules themselves are written once, plainly, in the engine's ``score`` and
``eligible``, and this module computes the same numbers in the same float order,
so a value here is bit for bit the value ``score`` gives.

Rows are kept in tie-break order (the engine sorts them by id before building),
so among equal scores the lower row number wins, as the lower id does.

Sets of words (skills, limitations, preferences, occupations, regions) are bit
sets over a vocabulary: word ``i`` is bit ``i % 64`` of the ``i // 64``-th
uint64. A vocabulary holds the words of both sides, so an object that was not
indexed can be asked about too: a word only it has meets nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import numpy.typing as npt

# Points. An occupation match outweighs all the rest together (40 < 60), so
# ranking by the score is ranking by occupation match first.
OCCUPATION_POINTS = 60.0
SKILLS_POINTS = 25.0
EDUCATION_POINTS = 10.0
PREFERENCE_POINTS = 5.0
LIMITATION_PREFIX = "no_"

#: At most this many pairs are scored in one go: bounds the memory of a bulk run.
PAIRS_PER_BLOCK = 1 << 21

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]
Bits = npt.NDArray[np.uint64]
Bools = npt.NDArray[np.bool_]

_NO_ROWS: Ints = np.zeros(0, dtype=np.int64)


class JobSeekerLike(Protocol):
    @property
    def occupation_codes(self) -> frozenset[str]: ...
    @property
    def skills(self) -> frozenset[str]: ...
    @property
    def education_level(self) -> int: ...
    @property
    def regions(self) -> frozenset[str]: ...
    @property
    def min_hours(self) -> float: ...
    @property
    def max_hours(self) -> float: ...
    @property
    def limitations(self) -> frozenset[str]: ...
    @property
    def preferences(self) -> frozenset[str]: ...


class VacancyLike(Protocol):
    @property
    def occupation_code(self) -> str: ...
    @property
    def skills(self) -> frozenset[str]: ...
    @property
    def min_education_level(self) -> int: ...
    @property
    def region(self) -> str: ...
    @property
    def hours(self) -> float: ...
    @property
    def conditions(self) -> frozenset[str]: ...


def offered(vacancy: VacancyLike) -> frozenset[str]:
    """What a vacancy offers a job seeker's preferences."""
    return vacancy.conditions | {vacancy.occupation_code, vacancy.region}


def limited_conditions(job_seeker: JobSeekerLike) -> Iterable[str]:
    """The conditions a job seeker's ``no_<condition>`` limitations rule out."""
    return (
        limitation[len(LIMITATION_PREFIX) :]
        for limitation in job_seeker.limitations
        if limitation.startswith(LIMITATION_PREFIX)
    )


class Vocabulary:
    """Words numbered 0..n-1; a set of them is a row of ``words`` uint64s."""

    def __init__(self, words: Iterable[str]) -> None:
        self.ids = {word: i for i, word in enumerate(sorted(set(words)))}
        self.words = max(1, -(-len(self.ids) // 64))

    def id(self, word: str) -> int:
        return self.ids.get(word, -1)

    def bits(self, sets: Sequence[Iterable[str]]) -> Bits:
        """One row of bits per set; words outside the vocabulary are left out."""
        rows: list[int] = []
        bits: list[int] = []
        ids = self.ids
        for row, items in enumerate(sets):
            for item in items:
                bit = ids.get(item)
                if bit is not None:
                    rows.append(row)
                    bits.append(bit)
        table = np.zeros((len(sets), self.words), dtype=np.uint64)
        if bits:
            at = np.asarray(bits, dtype=np.int64)
            np.bitwise_or.at(
                table,
                (np.asarray(rows, dtype=np.int64), at >> 6),
                np.left_shift(np.uint64(1), (at & 63).astype(np.uint64)),
            )
        return table


@dataclass(frozen=True)
class Vocabularies:
    regions: Vocabulary
    occupations: Vocabulary
    skills: Vocabulary
    conditions: Vocabulary
    preferences: Vocabulary

    @classmethod
    def of(
        cls, job_seekers: Sequence[JobSeekerLike], vacancies: Sequence[VacancyLike]
    ) -> Vocabularies:
        offers = {word for vacancy in vacancies for word in offered(vacancy)}
        return cls(
            regions=Vocabulary(
                {v.region for v in vacancies} | {r for s in job_seekers for r in s.regions}
            ),
            occupations=Vocabulary(
                {v.occupation_code for v in vacancies}
                | {c for s in job_seekers for c in s.occupation_codes}
            ),
            skills=Vocabulary(
                {k for v in vacancies for k in v.skills}
                | {k for s in job_seekers for k in s.skills}
            ),
            conditions=Vocabulary(
                {c for v in vacancies for c in v.conditions}
                | {c for s in job_seekers for c in limited_conditions(s)}
            ),
            preferences=Vocabulary(offers | {p for s in job_seekers for p in s.preferences}),
        )


@dataclass(frozen=True)
class JobSeekerColumns:
    min_hours: Floats
    max_hours: Floats
    education: Ints
    regions: Bits
    occupations: Bits
    skills: Bits
    limitations: Bits
    preferences: Bits
    preferences_total: Ints

    @classmethod
    def of(cls, job_seekers: Sequence[JobSeekerLike], words: Vocabularies) -> JobSeekerColumns:
        return cls(
            min_hours=np.array([s.min_hours for s in job_seekers], dtype=np.float64),
            max_hours=np.array([s.max_hours for s in job_seekers], dtype=np.float64),
            education=np.array([s.education_level for s in job_seekers], dtype=np.int64),
            regions=words.regions.bits([s.regions for s in job_seekers]),
            occupations=words.occupations.bits([s.occupation_codes for s in job_seekers]),
            skills=words.skills.bits([s.skills for s in job_seekers]),
            limitations=words.conditions.bits([list(limited_conditions(s)) for s in job_seekers]),
            preferences=words.preferences.bits([s.preferences for s in job_seekers]),
            preferences_total=np.array([len(s.preferences) for s in job_seekers], dtype=np.int64),
        )


@dataclass(frozen=True)
class VacancyColumns:
    region: Ints
    occupation: Ints
    hours: Floats
    education: Ints
    skills: Bits
    skills_asked: Ints
    conditions: Bits
    offers: Bits

    @classmethod
    def of(cls, vacancies: Sequence[VacancyLike], words: Vocabularies) -> VacancyColumns:
        return cls(
            region=np.array([words.regions.id(v.region) for v in vacancies], dtype=np.int64),
            occupation=np.array(
                [words.occupations.id(v.occupation_code) for v in vacancies], dtype=np.int64
            ),
            hours=np.array([v.hours for v in vacancies], dtype=np.float64),
            education=np.array([v.min_education_level for v in vacancies], dtype=np.int64),
            skills=words.skills.bits([v.skills for v in vacancies]),
            skills_asked=np.array([len(v.skills) for v in vacancies], dtype=np.int64),
            conditions=words.conditions.bits([v.conditions for v in vacancies]),
            offers=words.preferences.bits([offered(v) for v in vacancies]),
        )


def _shared(left: Bits, right: Bits) -> Ints:
    """How many bits each pair of rows shares; ``left`` (n, 1, w), ``right`` (1, m, w).

    Only the words set somewhere on the smaller side are counted: the rest add 0.
    """
    smaller = left if left.shape[0] * left.shape[1] <= right.shape[0] * right.shape[1] else right
    counts: Ints | None = None
    for word in np.flatnonzero(smaller.reshape(-1, smaller.shape[2]).any(axis=0)):
        held = np.bitwise_count(left[:, :, word] & right[:, :, word])
        counts = held.astype(np.int64) if counts is None else counts + held
    shape = (left.shape[0], right.shape[1])
    return np.zeros(shape, dtype=np.int64) if counts is None else np.broadcast_to(counts, shape)


def _share(part: Ints, whole: Ints) -> Floats:
    """``part / whole``, or 1.0 where ``whole`` is 0, as the engine divides."""
    return np.where(whole > 0, np.divide(part, np.maximum(whole, 1)), 1.0)


@dataclass(frozen=True)
class Components:
    """What a score is made of, for pairs of rows (each a matrix or a flat array)."""

    eligible: Bools
    occupation_match: Bools
    skills_held: Ints
    skills_asked: Ints
    education_gap: Ints
    preferences_met: Ints
    preferences_total: Ints

    @property
    def values(self) -> Floats:
        """The score, in the engine's float order; -1.0 where a hard limit stands."""
        education_gap = self.education_gap
        education_share = np.where(education_gap <= 0, 1.0, np.where(education_gap == 1, 0.5, 0.0))
        value = (
            OCCUPATION_POINTS * self.occupation_match
            + SKILLS_POINTS * _share(self.skills_held, self.skills_asked)
            + EDUCATION_POINTS * education_share
            + PREFERENCE_POINTS * _share(self.preferences_met, self.preferences_total)
        )
        return np.where(self.eligible, value, -1.0)


def components(
    seekers: JobSeekerColumns,
    seeker_rows: Ints,
    vacancies: VacancyColumns,
    vacancy_rows: Ints,
    *,
    pairwise: bool = True,
) -> Components:
    """Every seeker row against every vacancy row (a matrix, one row per job
    seeker), or, with ``pairwise=False``, seeker row i against vacancy row i
    (a column).

    The region is not checked: callers bring only job seekers who accept the
    vacancies' regions.
    """
    s = seeker_rows[:, None]
    v = vacancy_rows[None, :] if pairwise else vacancy_rows[:, None]
    hours = vacancies.hours[v]
    eligible = (seekers.min_hours[s] <= hours) & (hours <= seekers.max_hours[s])
    eligible &= _shared(seekers.limitations[s], vacancies.conditions[v]) == 0
    occupation = vacancies.occupation[v]
    known = occupation >= 0
    word = seekers.occupations[s, np.where(known, occupation >> 6, 0)]
    bit = (occupation & 63).astype(np.uint64)
    occupation_match = known & ((word >> bit) & np.uint64(1)).astype(np.bool_)
    return Components(
        eligible=eligible,
        occupation_match=occupation_match,
        skills_held=_shared(seekers.skills[s], vacancies.skills[v]),
        skills_asked=vacancies.skills_asked[v],
        education_gap=vacancies.education[v] - seekers.education[s],
        preferences_met=_shared(seekers.preferences[s], vacancies.offers[v]),
        preferences_total=seekers.preferences_total[s],
    )


def best_in_rows(values: Floats, top: int) -> tuple[Ints, Ints, Floats]:
    """The ``top`` best columns of each row, ineligible ones (< 0) left out.

    Ranked by value, high first, then by column: columns are in tie-break order.
    Returns (row, column, value) of every pick, ordered by row, then rank.
    """
    m = values.shape[1]
    if m > top:
        kth = -np.partition(-values, top - 1, axis=1)[:, top - 1]
        kth = np.maximum(kth, 0.0)[:, None]
        better = values > kth
        tie = values == kth
        needed = top - better.sum(axis=1, keepdims=True)
        take = better | (tie & (np.cumsum(tie, axis=1) <= needed))
    else:
        take = values >= 0
    rows, columns = np.nonzero(take)
    picked = values[rows, columns]
    order = np.lexsort((columns, -picked, rows))
    return rows[order], columns[order], picked[order]


def first_per_row(rows: Ints, top: int) -> Bools:
    """Of picks sorted by row, the first ``top`` of each row."""
    if not len(rows):
        return np.zeros(0, dtype=np.bool_)
    starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
    lengths = np.diff(np.r_[starts, len(rows)])
    position = np.arange(len(rows)) - np.repeat(starts, lengths)
    return position < top


@dataclass(frozen=True)
class Picks:
    """Ranked pairs: ``asking[i]`` got ``answer[i]`` with ``value[i]``, in order
    of the asking row, then rank."""

    asking: Ints
    answer: Ints
    value: Floats

    @classmethod
    def merged(cls, parts: list[Picks], top: int) -> Picks:
        """Several rankings of the same asking rows (one per region) as one."""
        if not parts:
            return cls(_NO_ROWS, _NO_ROWS, np.zeros(0, dtype=np.float64))
        asking = np.concatenate([p.asking for p in parts])
        answer = np.concatenate([p.answer for p in parts])
        value = np.concatenate([p.value for p in parts])
        if len(parts) > 1:
            order = np.lexsort((answer, -value, asking))
            asking, answer, value = asking[order], answer[order], value[order]
            keep = first_per_row(asking, top)
            asking, answer, value = asking[keep], answer[keep], value[keep]
        return cls(asking, answer, value)


def _blocks(count: int, width: int) -> Iterable[slice]:
    step = max(1, PAIRS_PER_BLOCK // max(1, width))
    for start in range(0, count, step):
        yield slice(start, min(count, start + step))


class ColumnIndex:
    """Job seekers and vacancies as columns, by region and by (region, occupation).

    Both sequences must come in tie-break order: row i before row j wins a tie.
    """

    def __init__(
        self, job_seekers: Sequence[JobSeekerLike], vacancies: Sequence[VacancyLike]
    ) -> None:
        self.words = Vocabularies.of(job_seekers, vacancies)
        self.seekers = JobSeekerColumns.of(job_seekers, self.words)
        self.vacancies = VacancyColumns.of(vacancies, self.words)
        seekers_by_region: dict[int, list[int]] = defaultdict(list)
        seekers_by_occupation: dict[tuple[int, int], list[int]] = defaultdict(list)
        region_id, occupation_id = self.words.regions.id, self.words.occupations.id
        for row, seeker in enumerate(job_seekers):
            codes = [occupation_id(code) for code in seeker.occupation_codes]
            for region in map(region_id, seeker.regions):
                seekers_by_region[region].append(row)
                for code in codes:
                    seekers_by_occupation[region, code].append(row)
        vacancies_by_region: dict[int, list[int]] = defaultdict(list)
        vacancies_by_occupation: dict[tuple[int, int], list[int]] = defaultdict(list)
        for row, (region, code) in enumerate(
            zip(self.vacancies.region.tolist(), self.vacancies.occupation.tolist(), strict=True)
        ):
            vacancies_by_region[region].append(row)
            vacancies_by_occupation[region, code].append(row)
        as_arrays = lambda lists: {  # noqa: E731
            key: np.asarray(rows, dtype=np.int64) for key, rows in lists.items()
        }
        self.seekers_by_region: dict[int, Ints] = as_arrays(seekers_by_region)
        self.seekers_by_occupation: dict[tuple[int, int], Ints] = as_arrays(seekers_by_occupation)
        self.vacancies_by_region: dict[int, Ints] = as_arrays(vacancies_by_region)
        self.vacancies_by_occupation: dict[tuple[int, int], Ints] = as_arrays(
            vacancies_by_occupation
        )

    # --- one at a time ---------------------------------------------------------

    def candidates_for(self, vacancy: VacancyLike, top: int) -> tuple[VacancyColumns, Picks]:
        """The best ``top`` job seeker rows for one vacancy (indexed or not).

        An occupation match outranks every pair without one, so the rest of the
        region is scored only when the occupation matches leave fewer than ``top``.
        """
        one = VacancyColumns.of([vacancy], self.words)
        region, code = int(one.region[0]), int(one.occupation[0])
        row = np.zeros(1, dtype=np.int64)
        picks = self._best_seekers(
            one, row, self.seekers_by_occupation.get((region, code), _NO_ROWS), top
        )
        if len(picks.answer) < top:
            picks = self._best_seekers(one, row, self.seekers_by_region.get(region, _NO_ROWS), top)
        return one, picks

    def _best_seekers(
        self, vacancies: VacancyColumns, vacancy_rows: Ints, seeker_rows: Ints, top: int
    ) -> Picks:
        if not len(seeker_rows) or not len(vacancy_rows):
            return Picks.merged([], top)
        values = components(self.seekers, seeker_rows, vacancies, vacancy_rows).values
        rows, columns, picked = best_in_rows(np.ascontiguousarray(values.T), top)
        return Picks(vacancy_rows[rows], seeker_rows[columns], picked)

    def vacancies_for(self, job_seeker: JobSeekerLike, top: int) -> tuple[JobSeekerColumns, Picks]:
        """The best ``top`` vacancy rows for one job seeker (indexed or not)."""
        one = JobSeekerColumns.of([job_seeker], self.words)
        regions = [self.words.regions.id(region) for region in job_seeker.regions]
        codes = [self.words.occupations.id(code) for code in job_seeker.occupation_codes]
        row = np.zeros(1, dtype=np.int64)
        matching = [
            self.vacancies_by_occupation.get((region, code), _NO_ROWS)
            for region in regions
            for code in codes
        ]
        picks = self._best_vacancies(one, row, _union(matching), top)
        if len(picks.answer) < top:
            rest = [self.vacancies_by_region.get(region, _NO_ROWS) for region in regions]
            picks = self._best_vacancies(one, row, _union(rest), top)
        return one, picks

    def _best_vacancies(
        self, seekers: JobSeekerColumns, seeker_rows: Ints, vacancy_rows: Ints, top: int
    ) -> Picks:
        if not len(seeker_rows) or not len(vacancy_rows):
            return Picks.merged([], top)
        values = components(seekers, seeker_rows, self.vacancies, vacancy_rows).values
        rows, columns, picked = best_in_rows(values, top)
        return Picks(seeker_rows[rows], vacancy_rows[columns], picked)

    # --- all at once -----------------------------------------------------------

    def all_candidates(self, top: int) -> Picks:
        """Every vacancy row's best ``top`` job seeker rows, region by region."""
        parts = []
        for region, vacancy_rows in self.vacancies_by_region.items():
            seeker_rows = self.seekers_by_region.get(region, _NO_ROWS)
            for block in _blocks(len(vacancy_rows), len(seeker_rows)):
                parts.append(
                    self._best_seekers(self.vacancies, vacancy_rows[block], seeker_rows, top)
                )
        return Picks.merged(parts, top)

    def all_vacancies(self, top: int) -> Picks:
        """Every job seeker row's best ``top`` vacancy rows, region by region."""
        parts = []
        for region, vacancy_rows in self.vacancies_by_region.items():
            seeker_rows = self.seekers_by_region.get(region, _NO_ROWS)
            for block in _blocks(len(seeker_rows), len(vacancy_rows)):
                parts.append(
                    self._best_vacancies(self.seekers, seeker_rows[block], vacancy_rows, top)
                )
        return Picks.merged(parts, top)


def _union(parts: list[Ints]) -> Ints:
    """Disjoint sorted row arrays as one sorted array."""
    parts = [part for part in parts if len(part)]
    if len(parts) <= 1:
        return parts[0] if parts else _NO_ROWS
    return np.sort(np.concatenate(parts))
