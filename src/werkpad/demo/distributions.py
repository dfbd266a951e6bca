"""The shape of a Dutch city's Participatiewet population, and drawing one person from it.

Gender, age and duration follow CBS (people with general assistance below
state-pension age, end of 2024, and StatLine 85585NED for duration): 56% women,
44% men; under 27 about 10%, 27 to 45 about 34%, 45 to state-pension age about
56%; nearly half five years or longer. The rest (education, benefit mix, ladder
rung, labour disability, UWV registration) are plausible assumptions for a large
city, chosen so that the composition pages show what councils recognise.

Everything here is pure: a ``random.Random`` and an anchor date in, values out.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from werkpad.jobseekers.models import BenefitType, EducationLevel, Gender

T = TypeVar("T")

DAYS_PER_YEAR = 365.25
STATE_PENSION_AGE = 67


class Weighted(Generic[T]):
    """Values with relative weights; ``pick`` draws one with a given ``random.Random``."""

    def __init__(self, pairs: Sequence[tuple[T, float]]) -> None:
        self.values = [value for value, _weight in pairs]
        self.cumulative = list(itertools.accumulate(weight for _value, weight in pairs))
        self.total = self.cumulative[-1]

    def pick(self, rng: random.Random) -> T:
        return self.values[bisect.bisect_right(self.cumulative, rng.random() * self.total)]


GENDER = Weighted(
    [
        (Gender.FEMALE, 55.6),
        (Gender.MALE, 43.6),
        (Gender.X, 0.3),
        (Gender.UNKNOWN, 0.5),
    ]
)

#: Age bands (from, to) in years at the anchor date.
AGE_BAND = Weighted([((18.0, 27.0), 10), ((27.0, 45.0), 34), ((45.0, STATE_PENSION_AGE - 0.2), 56)])

EDUCATION = Weighted(
    [
        (EducationLevel.NONE, 8),
        (EducationLevel.PRIMARY, 14),
        (EducationLevel.VMBO, 20),
        (EducationLevel.MBO1, 9),
        (EducationLevel.MBO2, 17),
        (EducationLevel.MBO3, 9),
        (EducationLevel.MBO4, 9),
        (EducationLevel.HAVO_VWO, 6),
        (EducationLevel.HBO, 5),
        (EducationLevel.WO, 3),
    ]
)

BENEFIT = Weighted(
    [
        (BenefitType.PARTICIPATIEWET, 86),
        (BenefitType.NONE, 6),
        (BenefitType.WW, 3),
        (BenefitType.IOAW, 2),
        (BenefitType.OTHER, 2),
        (BenefitType.ANW, 1),
    ]
)

#: Duration bands (from, to) in years, per age band: the young have not been out long.
LONG = (5.0, 0.0)  # five years and more: the tail is drawn separately
DURATION_BY_AGE = {
    18.0: Weighted(
        [((0.05, 1.0), 30), ((1.0, 2.0), 25), ((2.0, 3.0), 20), ((3.0, 5.0), 15), (LONG, 10)]
    ),
    27.0: Weighted(
        [((0.05, 1.0), 18), ((1.0, 2.0), 14), ((2.0, 3.0), 11), ((3.0, 5.0), 14), (LONG, 43)]
    ),
    45.0: Weighted(
        [((0.05, 1.0), 13), ((1.0, 2.0), 11), ((2.0, 3.0), 9), ((3.0, 5.0), 12), (LONG, 55)]
    ),
}

#: Ladder rung per duration band (its lower bound): the longer out of work, the lower.
RUNG_BY_DURATION = {
    0.05: Weighted([(1, 5), (2, 12), (3, 25), (4, 23), (5, 20), (6, 15)]),
    1.0: Weighted([(1, 7), (2, 15), (3, 28), (4, 25), (5, 15), (6, 10)]),
    2.0: Weighted([(1, 9), (2, 18), (3, 30), (4, 25), (5, 11), (6, 7)]),
    3.0: Weighted([(1, 12), (2, 22), (3, 30), (4, 22), (5, 9), (6, 5)]),
    5.0: Weighted([(1, 18), (2, 27), (3, 30), (4, 18), (5, 5), (6, 2)]),
}

#: How many rung changes followed the intake, per duration band.
CHANGES_BY_DURATION = {
    0.05: Weighted([(0, 60), (1, 30), (2, 10), (3, 0)]),
    1.0: Weighted([(0, 40), (1, 35), (2, 20), (3, 5)]),
    2.0: Weighted([(0, 30), (1, 35), (2, 25), (3, 10)]),
    3.0: Weighted([(0, 30), (1, 35), (2, 25), (3, 10)]),
    5.0: Weighted([(0, 30), (1, 35), (2, 25), (3, 10)]),
}

LOW_EDUCATION = frozenset({EducationLevel.NONE, EducationLevel.PRIMARY})
HIGH_EDUCATION = frozenset({EducationLevel.HBO, EducationLevel.WO})


@dataclass(frozen=True)
class Situation:
    """The JS1 facts of one drawn person, and when things happened."""

    gender: str
    birth_date: dt.date
    age: float
    education_level: str
    benefit_type: str
    unemployed_since: dt.date
    intake_on: dt.date
    reviewed_on: dt.date
    ladder_rung: int
    rung_history: tuple[tuple[dt.date, int], ...]  # (measured on, rung), intake first
    labour_disability: bool
    sheltered_work: bool
    work_experience_years: int | None
    uwv_registered: bool
    uwv_registration_help: bool


def years_before(anchor: dt.date, years: float) -> dt.date:
    return anchor - dt.timedelta(days=round(years * DAYS_PER_YEAR))


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def draw_duration(rng: random.Random, age_from: float) -> tuple[float, float]:
    """(band lower bound, years out of work)."""
    low, high = DURATION_BY_AGE[age_from].pick(rng)
    if (low, high) == LONG:
        return low, low + min(rng.expovariate(1 / 4.0), 20.0)
    return low, rng.uniform(low, high)


def draw_rung_history(rng: random.Random, rung: int, changes: int) -> list[int]:
    """The rungs from intake to now, ending at ``rung``; mostly upward steps of one."""
    rungs = [rung]
    for _ in range(changes):
        current = rungs[-1]
        step_down = current > 1 and (current == 6 or rng.random() < 0.65)
        rungs.append(current - 1 if step_down else current + 1)
    return rungs[::-1]


def draw_dates_between(
    rng: random.Random,
    first: dt.date,
    last: dt.date,
    count: int,
) -> list[dt.date]:
    """``count`` sorted days after ``first``, the last one on ``last``."""
    span = (last - first).days
    if count == 0:
        return []
    inner = sorted(rng.randint(1, span) for _ in range(count - 1))
    return [first + dt.timedelta(days=d) for d in inner] + [last]


def draw_review(rng: random.Random, anchor: dt.date, intake_on: dt.date) -> dt.date:
    """Seven in ten profiles reviewed in the last six months; the rest longer ago."""
    months = rng.uniform(0, 6) if rng.random() < 0.7 else rng.uniform(6, 20)
    return max(intake_on, anchor - dt.timedelta(days=round(months * 30.44)))


def draw_situation(rng: random.Random, anchor: dt.date) -> Situation:
    gender = GENDER.pick(rng)
    age_from, age_to = AGE_BAND.pick(rng)
    age = rng.uniform(age_from, age_to)
    birth_date = years_before(anchor, age)
    adult_on = add_years(birth_date, 18)

    duration_band, duration = draw_duration(rng, age_from)
    unemployed_since = max(years_before(anchor, duration), adult_on)
    unemployed_since = min(unemployed_since, anchor - dt.timedelta(days=14))
    intake_on = min(unemployed_since + dt.timedelta(days=rng.randint(0, 120)), anchor)
    reviewed_on = draw_review(rng, anchor, intake_on)

    rung = RUNG_BY_DURATION[duration_band].pick(rng)
    changes = CHANGES_BY_DURATION[duration_band].pick(rng)
    if (reviewed_on - intake_on).days < 3 * max(changes, 1):
        changes = 0
    rungs = draw_rung_history(rng, rung, changes)
    dates = [intake_on, *draw_dates_between(rng, intake_on, reviewed_on, changes)]

    education = EDUCATION.pick(rng)
    benefit = BENEFIT.pick(rng)
    if benefit == BenefitType.IOAW and age < 60:
        benefit = BenefitType.PARTICIPATIEWET  # IOAW is for older long-term unemployed
    if benefit == BenefitType.WW and duration > 2:
        benefit = BenefitType.PARTICIPATIEWET  # WW ends after at most two years

    disability_chance = 0.10 + (0.10 if age >= 45 else 0) + (0.08 if rung <= 2 else 0)
    disability = rng.random() < disability_chance
    sheltered = disability and 2 <= rung <= 5 and rng.random() < 0.2

    working_years = max(0.0, (unemployed_since - adult_on).days / DAYS_PER_YEAR)
    experience = None if rng.random() < 0.1 else round(working_years * rng.uniform(0.1, 0.8))

    registered = rng.random() < 0.35 + (0.3 if duration < 2 else 0) + (0.1 if rung >= 4 else 0)
    needs_help = age >= 55 or education in LOW_EDUCATION
    registration_help = rng.random() < (0.45 if needs_help else 0.12)

    return Situation(
        gender=gender,
        birth_date=birth_date,
        age=age,
        education_level=education,
        benefit_type=benefit,
        unemployed_since=unemployed_since,
        intake_on=intake_on,
        reviewed_on=reviewed_on,
        ladder_rung=rung,
        rung_history=tuple(zip(dates, rungs, strict=True)),
        labour_disability=disability,
        sheltered_work=sheltered,
        work_experience_years=experience,
        uwv_registered=registered,
        uwv_registration_help=registration_help,
    )
