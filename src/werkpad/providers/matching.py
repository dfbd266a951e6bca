"""Which programme fits a job seeker (PR3): the rules as pure functions.

Nothing here touches the database. ``werkpad.insights.fit`` reads the rows,
asks these functions which programmes fit and in what order, and returns what
the pages show. A programme fits a job seeker when

* it serves the job seeker's rung (``rung_from <= rung <= rung_to``);
* one of its target groups is one of the job seeker's (``job_seeker_groups``),
  or it is for everyone (``everyone``, or no target group named at all);
* a job seeker who prefers no group activities is not offered a programme that
  works in groups only (TR8: such a referral needs a recorded alternative, so it
  is not a fit; the catalogue still lists it).

Programmes are ranked by what similar job seekers reached in finished
trajectories of that programme (``rank``): those with evidence from at least
``min_cell`` similar job seekers first, by their share with work, then by their
share with any positive outcome, then by name; then the programmes with too few
to say, by name.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

#: A job seeker under this age belongs to the target group "young" (the catalogue's label).
YOUNG_UNDER = 27

#: Age bands as insights draws them (composition, JS6): (key, from, up to but not including).
AGE_BANDS: tuple[tuple[str, int, int | None], ...] = (
    ("u27", 0, 27),
    ("27-44", 27, 45),
    ("45-54", 45, 55),
    ("55+", 55, None),
)
#: Unemployment-duration bands in whole months, as insights draws them.
DURATION_BANDS: tuple[tuple[str, int, int | None], ...] = (
    ("u1", 0, 12),
    ("1-2", 12, 24),
    ("2-5", 24, 60),
    ("5+", 60, None),
)

#: The target groups a job seeker can be derived into, in the order pages show them.
#: ``psychological`` is a special category: only for users who may see restricted items.
DERIVED_GROUPS = (
    "young",
    "older",
    "higher_educated",
    "psychological",
    "labour_disability",
    "non_benefit",
)
EVERYONE = "everyone"
#: The gap analysis' name for job seekers who belong to none of ``DERIVED_GROUPS``.
NO_GROUP = "none"

GROUP_ONLY = "group"

T = TypeVar("T")


def band_of(
    value: int, bands: Sequence[tuple[str, int, int | None]]
) -> tuple[str, int, int | None]:
    """The band (key, from, to) that holds ``value``."""
    for band in bands:
        _key, low, high = band
        if value >= low and (high is None or value < high):
            return band
    raise ValueError(f"{value} lies in no band")


def job_seeker_groups(
    *,
    age: int,
    attention_older: bool,
    attention_higher_educated: bool,
    attention_psychological: bool,
    labour_disability: bool,
    benefit_type: str,
    include_restricted: bool,
) -> frozenset[str]:
    """The catalogue's target groups a job seeker belongs to.

    ``attention_psychological`` counts only with ``include_restricted`` (the user
    may see the job seeker's restricted items: their contact person).
    """
    return groups_from_flags(
        young=age < YOUNG_UNDER,
        attention_older=attention_older,
        attention_higher_educated=attention_higher_educated,
        attention_psychological=attention_psychological and include_restricted,
        labour_disability=labour_disability,
        non_benefit=benefit_type == "none",
    )


def groups_from_flags(
    *,
    young: bool,
    attention_older: bool,
    attention_higher_educated: bool,
    attention_psychological: bool,
    labour_disability: bool,
    non_benefit: bool,
) -> frozenset[str]:
    """The target groups of a job seeker described by these flags."""
    groups = set()
    if young:
        groups.add("young")
    if attention_older:
        groups.add("older")
    if attention_higher_educated:
        groups.add("higher_educated")
    if attention_psychological:
        groups.add("psychological")
    if labour_disability:
        groups.add("labour_disability")
    if non_benefit:
        groups.add("non_benefit")
    return frozenset(groups)


class ProgrammeLike(Protocol):
    rung_from: int
    rung_to: int
    target_groups: list[str]
    format: str


def serves_groups(target_groups: Collection[str], groups: Collection[str]) -> bool:
    """A programme for everyone (or naming no group) serves anyone; otherwise one group in common."""
    if not target_groups or EVERYONE in target_groups:
        return True
    return bool(set(target_groups) & set(groups))


def fits(programme: ProgrammeLike, *, rung: int, groups: Collection[str], no_group: bool) -> bool:
    """Whether ``programme`` fits a job seeker on ``rung`` in ``groups``.

    ``no_group``: the job seeker prefers no group activities, so a group-only
    programme does not fit.
    """
    return (
        programme.rung_from <= rung <= programme.rung_to
        and serves_groups(programme.target_groups, groups)
        and not (no_group and programme.format == GROUP_ONLY)
    )


@dataclass(frozen=True)
class Evidence:
    """What similar job seekers reached in finished trajectories of one programme.

    ``n`` finished trajectories (completed or ended early), ``work`` of them ended
    in work, ``positive`` in any outcome but none (an early end without end report
    counts as no outcome). Below ``min_cell`` no share is given.
    """

    n: int
    work: int
    positive: int
    min_cell: int

    @property
    def enough(self) -> bool:
        return self.n >= self.min_cell

    @property
    def work_share(self) -> float | None:
        return self.work / self.n if self.enough else None

    @property
    def positive_share(self) -> float | None:
        return self.positive / self.n if self.enough else None

    @property
    def work_percent(self) -> int | None:
        share = self.work_share
        return None if share is None else round(share * 100)

    @property
    def positive_percent(self) -> int | None:
        share = self.positive_share
        return None if share is None else round(share * 100)


def rank_key(name: str, evidence: Evidence) -> tuple:
    """Evidence first (work share, then positive share, highest first), then by name."""
    if evidence.enough:
        return (0, -evidence.work / evidence.n, -evidence.positive / evidence.n, name.lower())
    return (1, 0.0, 0.0, name.lower())


def rank(items: Iterable[tuple[T, str, Evidence]]) -> list[tuple[T, Evidence]]:
    """``(item, name, evidence)`` triples in ranking order, as ``(item, evidence)``."""
    ordered = sorted(items, key=lambda row: rank_key(row[1], row[2]))
    return [(item, evidence) for item, _name, evidence in ordered]


# --- gap analysis ---------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    """Job seekers on one rung, in one target group, with one format preference."""

    rung: int
    group: str
    no_group: bool


def segments_of(*, rung: int, groups: Collection[str], no_group: bool) -> list[Segment]:
    """The segments a job seeker falls in: one per group, or the ``NO_GROUP`` segment."""
    return [Segment(rung, group, no_group) for group in (sorted(groups) or [NO_GROUP])]


def segment_has_fit(segment: Segment, programmes: Iterable[ProgrammeLike]) -> bool:
    """Whether some programme fits everyone in ``segment``."""
    groups = () if segment.group == NO_GROUP else (segment.group,)
    return any(
        fits(p, rung=segment.rung, groups=groups, no_group=segment.no_group) for p in programmes
    )
