"""Reads for "which programme fits" (PR3) and referral concentration (PR4).

``programme_fit_list`` is the one way to the programmes that fit a job seeker
and the evidence they are ranked by; a later version replaces the raw shares of
similar job seekers with estimates adjusted for who was referred (AN3), behind
the same call. ``programme_gap_list`` finds the job-seeker segments no active
programme fits; ``referral_concentration_list`` shows how each caseworker's
referrals spread over the programmes. The rules themselves are pure functions
in ``werkpad.providers.matching``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from django.conf import settings
from django.db.models import (
    BooleanField,
    Case,
    Count,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, ExtractDay, ExtractMonth, ExtractYear
from django.utils.translation import gettext as _

from werkpad.core import clock
from werkpad.core.audit import audit_record
from werkpad.core.errors import PermissionDeniedError
from werkpad.core.models import AuditEvent, Municipality
from werkpad.core.permissions import Role, acting_municipality_id, scope_of
from werkpad.core.suppression import Cell, reasons_of, suppress
from werkpad.insights.selectors import AGE_BANDS, DURATION_BANDS
from werkpad.jobseekers.models import JobSeeker, LadderRungChange, current_q
from werkpad.jobseekers.rules import is_caseworker_of
from werkpad.providers import matching
from werkpad.providers.models import Programme, TargetGroup
from werkpad.providers.selectors import programme_scope

OBJECT_TYPE = "programme_fit"
PURPOSE = AuditEvent.Purpose.PROGRAMME_FIT

#: The job-seeker fields the fit is computed from (the audit log names them).
FIT_FIELDS = (
    "birth_date",
    "unemployed_since",
    "ladder_rung",
    "prefers_no_group_activities",
    "attention_older",
    "attention_higher_educated",
    "labour_disability",
    "benefit_type",
)

#: The roles that read the gap analysis; the council's figures are suppressed.
GAP_ROLES = (Role.CASEWORKER, Role.POLICY_OFFICER, Role.COUNCIL_MEMBER)
GAP_OPEN_ROLES = (Role.CASEWORKER, Role.POLICY_OFFICER)
#: Referral concentration names caseworkers: policy officers only.
CONCENTRATION_ROLES = (Role.POLICY_OFFICER,)

POSITIVE_OUTCOMES = ("work", "schooling", "rung_change", "volunteer_work")
FINISHED = ("completed", "ended_early")


def _band_labels() -> tuple[dict[str, str], dict[str, str]]:
    return (
        {key: str(label) for key, label in AGE_BANDS},
        {key: str(label) for key, label in DURATION_BANDS},
    )


# --- which programme fits (PR3) ---------------------------------------------------


@dataclass(frozen=True)
class Similarity:
    """Who counts as a similar job seeker: the same rung, age band and duration band,
    each as it was when they were referred."""

    rung: int
    age_band: str
    age_label: str
    duration_band: str
    duration_label: str


@dataclass(frozen=True)
class ProgrammeFit:
    programme: Programme
    evidence: matching.Evidence


@dataclass(frozen=True)
class ProgrammeFitList:
    """The programmes that fit, in ranking order, with what they were matched on."""

    rows: list[ProgrammeFit]
    similarity: Similarity
    groups: list[tuple[str, str]]
    no_group: bool
    min_cell: int

    def __iter__(self) -> Iterator[ProgrammeFit]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, index):
        return self.rows[index]


def similarity_of(job_seeker: JobSeeker, today: dt.date) -> Similarity:
    ages, durations = _band_labels()
    age_key = matching.band_of(job_seeker.age_on(today), matching.AGE_BANDS)[0]
    duration_key = matching.band_of(job_seeker.unemployed_months(today), matching.DURATION_BANDS)[0]
    return Similarity(
        rung=job_seeker.ladder_rung,
        age_band=age_key,
        age_label=ages[age_key],
        duration_band=duration_key,
        duration_label=durations[duration_key],
    )


def _at_referral(queryset):
    """Annotate each trajectory with the job seeker's age, months unemployed and rung on the
    day of referral (``age_then``, ``months_then``, ``rung_then``), computed in the database
    the way ``JobSeeker.age_on`` and ``unemployed_months`` compute them."""
    rung_then = (
        LadderRungChange.objects.filter(
            job_seeker_id=OuterRef("job_seeker_id"), changed_on__lte=OuterRef("referred_on")
        )
        .order_by("-changed_on", "-recorded_at", "-id")
        .values("to_rung")[:1]
    )
    one_if = lambda condition: Case(  # noqa: E731
        When(condition, then=Value(1)), default=Value(0), output_field=IntegerField()
    )
    return queryset.annotate(
        ref_y=ExtractYear("referred_on"),
        ref_m=ExtractMonth("referred_on"),
        ref_d=ExtractDay("referred_on"),
        born_y=ExtractYear("job_seeker__birth_date"),
        born_m=ExtractMonth("job_seeker__birth_date"),
        born_d=ExtractDay("job_seeker__birth_date"),
        since_y=ExtractYear("job_seeker__unemployed_since"),
        since_m=ExtractMonth("job_seeker__unemployed_since"),
        since_d=ExtractDay("job_seeker__unemployed_since"),
    ).annotate(
        age_then=F("ref_y")
        - F("born_y")
        - one_if(Q(ref_m__lt=F("born_m")) | Q(ref_m=F("born_m"), ref_d__lt=F("born_d"))),
        months_then=(F("ref_y") - F("since_y")) * 12
        + F("ref_m")
        - F("since_m")
        - one_if(Q(ref_d__lt=F("since_d"))),
        rung_then=Coalesce(Subquery(rung_then), F("job_seeker__ladder_rung")),
    )


def _range(field_name: str, band: tuple[str, int, int | None]) -> Q:
    _key, low, high = band
    query = Q(**{f"{field_name}__gte": low})
    if high is not None:
        query &= Q(**{f"{field_name}__lt": high})
    return query


def outcome_evidence(
    *, municipality_id: int, programme_ids: list[int], similarity: Similarity, min_cell: int
) -> dict[int, matching.Evidence]:
    """Per programme: the finished trajectories of similar job seekers and their outcomes.

    One grouped query, whatever the number of programmes. A trajectory counts
    when it is completed or ended early; an early end without an end report is
    a trajectory without a positive outcome.
    """
    from werkpad.trajectories.models import Trajectory

    rows = (
        _at_referral(
            Trajectory.objects.filter(
                municipality_id=municipality_id,
                programme_id__in=programme_ids,
                status__in=FINISHED,
            )
        )
        .filter(
            Q(rung_then=similarity.rung)
            & _range("age_then", _band(matching.AGE_BANDS, similarity.age_band))
            & _range("months_then", _band(matching.DURATION_BANDS, similarity.duration_band))
        )
        .values("programme_id")
        .annotate(
            n=Count("id"),
            work=Count("id", filter=Q(end_report__outcome="work")),
            positive=Count("id", filter=Q(end_report__outcome__in=POSITIVE_OUTCOMES)),
        )
        .order_by()
    )
    found = {
        row["programme_id"]: matching.Evidence(
            n=row["n"], work=row["work"], positive=row["positive"], min_cell=min_cell
        )
        for row in rows
    }
    empty = matching.Evidence(n=0, work=0, positive=0, min_cell=min_cell)
    return {pk: found.get(pk, empty) for pk in programme_ids}


def _band(bands, key: str):
    return next(band for band in bands if band[0] == key)


def programme_fit_list(*, user, job_seeker: JobSeeker) -> ProgrammeFitList:
    """The active programmes of the job seeker's municipality that fit them, ranked.

    For caseworkers of the job seeker's municipality; the read is recorded in
    the job seeker's access log. The psychological attention point counts only
    for a user who may see restricted items (the contact person). Three queries
    and the audit row, whatever the number of programmes.
    """
    if not is_caseworker_of(user, job_seeker):
        raise PermissionDeniedError(code="programme-fit-denied")
    include_restricted = user.has_perm("jobseekers.view_restricted", job_seeker)
    today = clock.today()
    groups = matching.job_seeker_groups(
        age=job_seeker.age_on(today),
        attention_older=job_seeker.attention_older,
        attention_higher_educated=job_seeker.attention_higher_educated,
        attention_psychological=job_seeker.attention_psychological,
        labour_disability=job_seeker.labour_disability,
        benefit_type=job_seeker.benefit_type,
        include_restricted=include_restricted,
    )
    no_group = job_seeker.prefers_no_group_activities
    rung = job_seeker.ladder_rung
    candidates = (
        programme_scope(user=user)
        .filter(
            municipality_id=job_seeker.municipality_id,
            active=True,
            rung_from__lte=rung,
            rung_to__gte=rung,
        )
        .select_related("provider")
        .order_by("name", "id")
    )
    fitting = [
        p for p in candidates if matching.fits(p, rung=rung, groups=groups, no_group=no_group)
    ]
    similarity = similarity_of(job_seeker, today)
    min_cell = settings.WERKPAD_MIN_CELL
    evidence = (
        outcome_evidence(
            municipality_id=job_seeker.municipality_id,
            programme_ids=[p.pk for p in fitting],
            similarity=similarity,
            min_cell=min_cell,
        )
        if fitting
        else {}
    )
    ranked = matching.rank((p, p.name, evidence[p.pk]) for p in fitting)
    fields = list(FIT_FIELDS) + (["attention_psychological"] if include_restricted else [])
    audit_record(
        user=user,
        action=AuditEvent.Action.READ,
        object_type=OBJECT_TYPE,
        object_id=job_seeker.pk,
        job_seeker_id=job_seeker.pk,
        municipality_id=job_seeker.municipality_id,
        purpose=PURPOSE,
        fields=fields,
    )
    return ProgrammeFitList(
        rows=[ProgrammeFit(programme=p, evidence=e) for p, e in ranked],
        similarity=similarity,
        groups=[(g, str(TargetGroup(g).label)) for g in matching.DERIVED_GROUPS if g in groups],
        no_group=no_group,
        min_cell=min_cell,
    )


# --- aggregates: shared ---------------------------------------------------------------


def _municipality_for(*, user, roles, municipality_id: int | None, code: str) -> Municipality:
    return Municipality.objects.get(
        pk=acting_municipality_id(user, roles, named=municipality_id, denied_code=code)
    )


def aggregate_municipalities(*, user, roles) -> list[Municipality]:
    return list(
        Municipality.objects.filter(pk__in=scope_of(user).municipalities(*roles)).order_by("name")
    )


# --- the gap analysis (PR3) -----------------------------------------------------------


@dataclass
class GapRow:
    segment: matching.Segment
    group_label: str
    cell: Cell


@dataclass
class Gaps:
    municipality: Municipality
    rows: list[GapRow]
    min_cell: int
    suppressed: bool
    active_programmes: int
    segments_checked: int

    @property
    def suppression_reasons(self) -> list[str]:
        """Why rows are withheld ("small", "complementary"), for the legend."""
        return reasons_of(r.cell for r in self.rows)


def _years_ago(today: dt.date, years: int) -> dt.date:
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def _group_label(group: str) -> str:
    if group == matching.NO_GROUP:
        return _("No particular target group")
    return str(TargetGroup(group).label)


def programme_gap_list(*, user, municipality_id: int | None = None) -> Gaps:
    """Segments (rung x target group x format preference) of the municipality's job seekers
    that no active programme fits, with how many job seekers each holds.

    Caseworkers and policy officers see every count; for the client council no
    count under WERKPAD_MIN_CELL is shown (``core.suppression``). The
    psychological attention point is a special category: its segments are
    suppressed the same way for everyone. Two queries.
    """
    municipality = _municipality_for(
        user=user, roles=GAP_ROLES, municipality_id=municipality_id, code="gap-denied"
    )
    scope = scope_of(user)
    must_suppress = municipality.pk not in scope.municipalities(*GAP_OPEN_ROLES)
    min_cell = settings.WERKPAD_MIN_CELL
    today = clock.today()
    flag = lambda condition: Case(  # noqa: E731
        When(condition, then=Value(True)), default=Value(False), output_field=BooleanField()
    )
    combinations = (
        JobSeeker.objects.filter(current_q(), municipality_id=municipality.pk)
        .annotate(
            young=flag(Q(birth_date__gt=_years_ago(today, matching.YOUNG_UNDER))),
            non_benefit=flag(Q(benefit_type="none")),
        )
        .values_list(
            "ladder_rung",
            "prefers_no_group_activities",
            "young",
            "attention_older",
            "attention_higher_educated",
            "attention_psychological",
            "labour_disability",
            "non_benefit",
        )
        .annotate(n=Count("id"))
        .order_by()
    )
    counts: Counter[matching.Segment] = Counter()
    for rung, no_group, young, older, higher, psych, disability, non_benefit, n in combinations:
        groups = matching.groups_from_flags(
            young=bool(young),
            attention_older=bool(older),
            attention_higher_educated=bool(higher),
            attention_psychological=bool(psych),
            labour_disability=bool(disability),
            non_benefit=bool(non_benefit),
        )
        for segment in matching.segments_of(rung=rung, groups=groups, no_group=bool(no_group)):
            counts[segment] += n
    programmes = [
        SimpleNamespace(**row)
        for row in Programme.objects.filter(municipality_id=municipality.pk, active=True).values(
            "rung_from", "rung_to", "target_groups", "format"
        )
    ]
    order = {group: i for i, group in enumerate((*matching.DERIVED_GROUPS, matching.NO_GROUP))}
    gaps = sorted(
        (s for s in counts if not matching.segment_has_fit(s, programmes)),
        key=lambda s: (s.rung, order[s.group], s.no_group),
    )
    rows = [
        GapRow(
            segment=s,
            group_label=_group_label(s.group),
            cell=Cell(
                key=f"{s.rung}-{s.group}-{int(s.no_group)}", label="", count=counts[s], share=None
            ),
        )
        for s in gaps
    ]
    if must_suppress:
        suppress([r.cell for r in rows], min_cell=min_cell)
    else:
        suppress([r.cell for r in rows if r.segment.group == "psychological"], min_cell=min_cell)
    return Gaps(
        municipality=municipality,
        rows=rows,
        min_cell=min_cell,
        suppressed=must_suppress,
        active_programmes=len(programmes),
        segments_checked=len(counts),
    )


# --- referral concentration (PR4) --------------------------------------------------------


@dataclass(frozen=True)
class Concentration:
    """One caseworker's referrals over the programmes."""

    caseworker_id: int
    caseworker_name: str
    referrals: int
    programmes: int
    top_programme: str
    top_referrals: int

    @property
    def top_share(self) -> float:
        return self.top_referrals / self.referrals

    @property
    def top_percent(self) -> int:
        return round(self.top_share * 100)


@dataclass
class ConcentrationList:
    municipality: Municipality
    rows: list[Concentration]
    referrals: int
    programmes_referred_to: int
    active_programmes: int


def referral_concentration_list(*, user, municipality_id: int | None = None) -> ConcentrationList:
    """Per caseworker who referred: referrals, distinct programmes, and the share of the
    programme they refer to most; the most concentrated first. Policy officers only (it
    names caseworkers). Two queries, whatever the number of caseworkers and programmes."""
    from werkpad.trajectories.models import Trajectory

    municipality = _municipality_for(
        user=user,
        roles=CONCENTRATION_ROLES,
        municipality_id=municipality_id,
        code="concentration-denied",
    )
    pairs = (
        Trajectory.objects.filter(municipality_id=municipality.pk, referred_by__isnull=False)
        .values(
            "referred_by_id",
            "referred_by__first_name",
            "referred_by__last_name",
            "referred_by__username",
            "programme_id",
            "programme__name",
        )
        .annotate(n=Count("id"))
        .order_by()
    )
    per_caseworker: dict[int, list[Mapping[str, Any]]] = defaultdict(list)
    for row in pairs:
        per_caseworker[row["referred_by_id"]].append(row)
    rows = []
    for caseworker_id, items in per_caseworker.items():
        top = max(items, key=lambda r: (r["n"], -r["programme_id"]))
        first = items[0]
        name = f"{first['referred_by__first_name']} {first['referred_by__last_name']}".strip()
        rows.append(
            Concentration(
                caseworker_id=caseworker_id,
                caseworker_name=name or first["referred_by__username"],
                referrals=sum(r["n"] for r in items),
                programmes=len(items),
                top_programme=top["programme__name"],
                top_referrals=top["n"],
            )
        )
    rows.sort(key=lambda c: (-c.top_share, -c.referrals, c.caseworker_name.lower()))
    active = Programme.objects.filter(municipality_id=municipality.pk, active=True).count()
    return ConcentrationList(
        municipality=municipality,
        rows=rows,
        referrals=sum(c.referrals for c in rows),
        programmes_referred_to=len({row["programme_id"] for row in pairs}),
        active_programmes=active,
    )
