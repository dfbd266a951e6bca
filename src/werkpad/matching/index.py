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
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from itertools import chain, repeat
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
PAIRS_PER_BLOCK = 1 << 19

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

    def bits(self, sets: Sequence[Collection[str]]) -> Bits:
        """One row of bits per set; words outside the vocabulary are left out."""
        table = np.zeros((len(sets), self.words), dtype=np.uint64)
        found = np.fromiter(
            map(self.ids.get, chain.from_iterable(sets), repeat(-1)), dtype=np.int64
        )
        if not len(found):
            return table
        rows = np.repeat(
            np.arange(len(sets)), np.fromiter(map(len, sets), dtype=np.int64, count=len(sets))
        )
        known = found >= 0
        at, rows = found[known], rows[known]
        np.bitwise_or.at(
            table, (rows, at >> 6), np.left_shift(np.uint64(1), (at & 63).astype(np.uint64))
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
            limitations=words.conditions.bits(
                [tuple(limited_conditions(s)) if s.limitations else () for s in job_seekers]
            ),
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


def _take(columns: VacancyColumns, rows: Ints) -> VacancyColumns:
    """The vacancy columns of ``rows`` only, as new contiguous arrays."""
    return VacancyColumns(**{name: getattr(columns, name)[rows] for name in _VACANCY_FIELDS})


_VACANCY_FIELDS = tuple(VacancyColumns.__dataclass_fields__)


def _shared(left: Bits, right: Bits) -> Ints:
    """How many bits each pair of rows shares; ``left`` (n, 1, w), ``right`` (1, m, w).

    Only the words set somewhere on both sides are counted: the rest add 0.
    """
    width = left.shape[2]
    active = left.reshape(-1, width).any(axis=0) & right.reshape(-1, width).any(axis=0)
    counts: npt.NDArray[np.int32] | None = None
    for word in np.flatnonzero(active):
        held = np.bitwise_count(left[:, :, word] & right[:, :, word])
        counts = held.astype(np.int32) if counts is None else counts + held
    shape = (left.shape[0], right.shape[1])
    if counts is None:
        return np.broadcast_to(np.zeros(1, dtype=np.int64), shape)
    return np.broadcast_to(counts, shape)


def _share(part: Ints, whole: Ints) -> Floats | float:
    """``part / whole``, or 1.0 where ``whole`` is 0, as the engine divides."""
    if not whole.any():
        return 1.0
    return np.where(whole > 0, np.divide(part, np.maximum(whole, 1)), 1.0)


_EDUCATION_SHARE = np.array([1.0, 0.5, 0.0])


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
        # 1.0 up to the level asked, 0.5 one level lower, 0.0 further down.
        education_share = _EDUCATION_SHARE[np.clip(self.education_gap, 0, 2)]
        value = (
            OCCUPATION_POINTS * self.occupation_match
            + SKILLS_POINTS * _share(self.skills_held, self.skills_asked)
            + EDUCATION_POINTS * education_share
            + PREFERENCE_POINTS * _share(self.preferences_met, self.preferences_total)
        )
        return np.where(self.eligible, value, -1.0)


def components(
    seekers: JobSeekerColumns,
    seeker_rows: Ints | None,
    vacancies: VacancyColumns,
    vacancy_rows: Ints | None,
    *,
    pairwise: bool = True,
) -> Components:
    """Every seeker row against every vacancy row (a matrix, one row per job
    seeker), or, with ``pairwise=False``, seeker row i against vacancy row i
    (a column). Rows ``None`` are all rows, read in place.

    The region is not checked: callers bring only job seekers who accept the
    vacancies' regions.
    """

    def seeker(column: np.ndarray) -> np.ndarray:
        return column[:, None] if seeker_rows is None else column[seeker_rows[:, None]]

    def vacancy(column: np.ndarray) -> np.ndarray:
        if vacancy_rows is None:
            return column[None, :] if pairwise else column[:, None]
        return column[vacancy_rows[None, :] if pairwise else vacancy_rows[:, None]]

    hours = vacancy(vacancies.hours)
    eligible = (seeker(seekers.min_hours) <= hours) & (hours <= seeker(seekers.max_hours))
    eligible &= _shared(seeker(seekers.limitations), vacancy(vacancies.conditions)) == 0
    occupation = vacancy(vacancies.occupation)
    known = occupation >= 0
    rows = np.arange(len(seekers.min_hours)) if seeker_rows is None else seeker_rows
    word = seekers.occupations[rows[:, None], np.where(known, occupation >> 6, 0)]
    bit = (occupation & 63).astype(np.uint64)
    occupation_match = known & ((word >> bit) & np.uint64(1)).astype(np.bool_)
    preferences_total = seeker(seekers.preferences_total)
    if preferences_total.any():
        preferences_met = _shared(seeker(seekers.preferences), vacancy(vacancies.offers))
    else:  # Most job seekers state no preferences: their bits need not be read.
        preferences_met = np.broadcast_to(np.zeros(1, dtype=np.int64), eligible.shape)
    return Components(
        eligible=eligible,
        occupation_match=occupation_match,
        skills_held=_shared(seeker(seekers.skills), vacancy(vacancies.skills)),
        skills_asked=vacancy(vacancies.skills_asked),
        education_gap=vacancy(vacancies.education) - seeker(seekers.education),
        preferences_met=preferences_met,
        preferences_total=preferences_total,
    )


def best_in_rows(values: Floats, top: int) -> tuple[Ints, Ints, Floats]:
    """The ``top`` best columns of each row, ineligible ones (< 0) left out.

    Ranked by value, high first, then by column: columns are in tie-break order.
    Returns (row, column, value) of every pick, ordered by row, then rank.
    """
    n, m = values.shape
    if n == 1:
        row = values[0]
        if m > top:
            kth = max(np.partition(row, m - top)[m - top], 0.0)
            columns = np.flatnonzero(row >= kth)
        else:
            columns = np.flatnonzero(row >= 0)
        picked = row[columns]
        order = np.lexsort((columns, -picked))[:top]
        return np.zeros(len(order), dtype=np.int64), columns[order], picked[order]
    if m > top:
        kth = -np.partition(-values, top - 1, axis=1)[:, top - 1]
        kth = np.maximum(kth, 0.0)[:, None]
        better = values > kth
        tie = values == kth
        needed = top - better.sum(axis=1, keepdims=True)
        take = better | (tie & (np.cumsum(tie, axis=1, dtype=np.int32) <= needed))
    else:
        take = values >= 0
    rows, columns = np.nonzero(take)
    picked = values[rows, columns]
    if not len(rows):
        return rows, columns, picked
    order = _rank_order(rows, picked, columns)
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
            order = _rank_order(asking, value, answer)
            asking, answer, value = asking[order], answer[order], value[order]
            keep = first_per_row(asking, top)
            asking, answer, value = asking[keep], answer[keep], value[keep]
        return cls(asking, answer, value)


def _rank_order(asking: Ints, value: Floats, answer: Ints) -> Ints:
    """The order by asking row, then value high first, then answer row.

    One int64 key sorts faster than three: the values are numbered (there are
    few distinct ones) and the three numbers put side by side.
    """
    if not len(asking):
        return _NO_ROWS
    distinct, value_number = np.unique(-value, return_inverse=True)
    answers = int(answer.max()) + 1
    if (int(asking.max()) + 1) * len(distinct) * answers >= 1 << 62:
        return np.lexsort((answer, -value, asking))
    key = (asking * len(distinct) + value_number) * answers + answer
    return np.argsort(key)


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
        # A region's vacancies side by side: one job seeker's query reads them in place.
        self.vacancy_blocks = {
            region: _take(self.vacancies, rows) for region, rows in self.vacancies_by_region.items()
        }

    # --- one at a time ---------------------------------------------------------

    def candidates_for(self, vacancy: VacancyLike, top: int) -> tuple[VacancyColumns, Picks]:
        """The best ``top`` job seeker rows for one vacancy (indexed or not).

        An occupation match outranks every pair without one, so the rest of the
        region is scored only when the occupation matches leave fewer than ``top``.
        """
        one = VacancyColumns.of([vacancy], self.words)
        region, code = int(one.region[0]), int(one.occupation[0])
        row = np.zeros(1, dtype=np.int64)
        matching = self.seekers_by_occupation.get((region, code), _NO_ROWS)
        # Fewer than ``top`` occupation matches cannot fill the list: straight to the region.
        picks = self._best_seekers(one, row, matching, top) if len(matching) >= top else None
        if picks is None or len(picks.answer) < top:
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
        rows = _union(matching)
        picks = self._best_vacancies(one, row, rows, top) if len(rows) >= top else None
        if picks is None or len(picks.answer) < top:
            parts = []
            for region in regions:
                if region in self.vacancy_blocks:
                    values = components(one, row, self.vacancy_blocks[region], None).values
                    _, columns, picked = best_in_rows(values, top)
                    answer = self.vacancies_by_region[region][columns]
                    parts.append(Picks(np.zeros(len(answer), dtype=np.int64), answer, picked))
            picks = Picks.merged(parts, top)
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
        """Every vacancy row's best ``top`` job seeker rows, region by region.

        Within a region, the vacancies of one number of hours meet only the
        job seekers whose range holds it, when that leaves few such groups.
        """
        parts = []
        for region, vacancy_rows in self.vacancies_by_region.items():
            seeker_rows = self.seekers_by_region.get(region, _NO_ROWS)
            hours = self.vacancies.hours[vacancy_rows]
            distinct = np.unique(hours)
            if grouping_pays(len(distinct), len(vacancy_rows)):
                low = self.seekers.min_hours[seeker_rows]
                high = self.seekers.max_hours[seeker_rows]
                groups = [
                    (vacancy_rows[hours == h], seeker_rows[(low <= h) & (h <= high)])
                    for h in distinct.tolist()
                ]
            else:
                groups = [(vacancy_rows, seeker_rows)]
            for rows, columns in groups:
                for block in _blocks(len(rows), len(columns)):
                    parts.append(self._best_seekers(self.vacancies, rows[block], columns, top))
        return Picks.merged(parts, top)

    def all_vacancies(self, top: int) -> Picks:
        """Every job seeker row's best ``top`` vacancy rows, region by region.

        Within a region, the job seekers of one hours range meet only the
        vacancies within it, when that leaves few such groups.
        """
        parts = []
        for region, vacancy_rows in self.vacancies_by_region.items():
            seeker_rows = self.seekers_by_region.get(region, _NO_ROWS)
            if not len(seeker_rows):
                continue
            ranges, group = np.unique(
                np.stack(
                    [self.seekers.min_hours[seeker_rows], self.seekers.max_hours[seeker_rows]],
                    axis=1,
                ),
                axis=0,
                return_inverse=True,
            )
            if grouping_pays(len(ranges), len(seeker_rows)):
                hours = self.vacancies.hours[vacancy_rows]
                group = group.ravel()
                groups = [
                    (seeker_rows[group == g], vacancy_rows[(low <= hours) & (hours <= high)])
                    for g, (low, high) in enumerate(ranges.tolist())
                ]
            else:
                groups = [(seeker_rows, vacancy_rows)]
            for rows, columns in groups:
                for block in _blocks(len(rows), len(columns)):
                    parts.append(self._best_vacancies(self.seekers, rows[block], columns, top))
        return Picks.merged(parts, top)


def grouping_pays(groups: int, rows: int) -> bool:
    """Whether to split a region's rows by hours: not into many small groups."""
    return groups <= max(8, rows // 16)


def _union(parts: list[Ints]) -> Ints:
    """Disjoint sorted row arrays as one sorted array."""
    parts = [part for part in parts if len(part)]
    if len(parts) <= 1:
        return parts[0] if parts else _NO_ROWS
    return np.sort(np.concatenate(parts))
