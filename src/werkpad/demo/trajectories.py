"""Three years of demo trajectories: referrals, reports, outcomes and evaluations.

Generated from a small model so that a later analysis has something real to find:

* who is referred depends on the job seeker (rung, age, unemployment duration) and on
  their caseworker's habits (each caseworker favours a few programmes);
* each programme has its own effect per segment (age band x policy: activation or
  labour market), drawn once from the seed, so programmes differ and differ by segment;
* the chance of work rises with the rung and falls with the unemployment duration.

Running trajectories have their reports on schedule, except some that are overdue. The
``coach`` login's provider gets no referrals (its inbox starts empty). Rows are
bulk-created; the same seed and anchor give the same rows.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Callable
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.conf import settings

from werkpad.core.deadlines import add_weeks
from werkpad.core.minimum_wage import MinimumWageUnknownError, assess_wage, table
from werkpad.core.models import Organisation
from werkpad.demo.data import ROLE_USERS
from werkpad.jobseekers.models import JobSeeker
from werkpad.providers.models import Format, Lot, Programme
from werkpad.trajectories.handover import DEFAULT_FIELDS, REQUIRED_FIELDS
from werkpad.trajectories.models import (
    ActivityFormat,
    ContractType,
    EndReport,
    Evaluation,
    Outcome,
    ProgressReport,
    StatusChange,
    Trajectory,
)
from werkpad.trajectories.workflow import Status

#: How far back the demo's referrals go.
YEARS = 3
#: Share of eligible job seekers referred at least once in those years.
REFERRAL_SHARE = 0.45
#: Share of running trajectories whose last report is overdue.
OVERDUE_SHARE = 0.25

REASONS = (
    "Past bij de wens om {wish} en de afstand tot werk is te overbruggen met dit traject.",
    "Gekozen omdat dit traject aansluit bij trede {rung}; de werkzoekende wil snel aan de slag.",
    "De werkzoekende koos zelf voor dit traject na het gesprek over de mogelijkheden.",
    "Dit traject heeft begeleiding op de werkplek; dat heeft de werkzoekende nodig.",
)
ALTERNATIVE_NOTES = (
    "Het andere traject is in een groep; dat past minder.",
    "Het andere traject duurt langer dan de werkzoekende wil.",
    "Bij het andere traject was de wachttijd te lang.",
)
PROGRESS = (
    "Afspraken nagekomen; twee sollicitaties verstuurd.",
    "Werkervaringsplaats loopt goed; de werkgever is tevreden over de inzet.",
    "Wisselende aanwezigheid; we hebben het ritme besproken.",
    "Training afgerond; begonnen met het zoeken naar een stageplek.",
    "Motivatie is goed; nog onzeker over het soort werk.",
)
NEXT_STEPS = (
    "Volgende maand een proefplaatsing zoeken.",
    "Cv bijwerken en drie vacatures uitzoeken.",
    "Gesprek met de klantmanager over de voortgang.",
)
HEALTH = (
    "Energie wisselend; werkt met vaste rustmomenten.",
    "Spanning rond schulden neemt af sinds de schuldhulp loopt.",
)
EMPLOYERS = (
    "Zorggroep Amstelland",
    "Logistiek Centrum Westpoort",
    "Schoonmaakbedrijf Nieuw-West",
    "Bakkerij De Korenschoof",
    "Gemeentelijk Vervoerbedrijf",
    "Hotel Aan Het IJ",
)
SCHOOLING = ("mbo 2 Helpende Zorg en Welzijn", "vca-certificaat", "mbo 1 Entree", "NT2-cursus")
VOLUNTEER = ("Buurtcentrum De Meeuw", "Voedselbank", "Kringloopwinkel Oost")
EVALUATION = {
    "choices_made": (
        "Gekozen voor een praktijkgerichte aanpak met een proefplaatsing.",
        "Eerst gewerkt aan ritme en zelfvertrouwen, daarna aan solliciteren.",
    ),
    "guidance_style": ("Coachend, wekelijks contact.", "Directief, met vaste afspraken."),
    "what_worked": ("De proefplaatsing bij een echte werkgever.", "Vaste contactmomenten."),
    "what_did_not": ("De groepsbijeenkomsten.", "De lange wachttijd voor de training."),
    "job_seeker_view": (
        "Tevreden; voelt zich serieus genomen.",
        "Had meer persoonlijke aandacht gewild.",
    ),
}


def _logit(p: float) -> float:
    return math.log(p / (1 - p))


def _sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x))


def _segment(job_seeker: JobSeeker, on: dt.date) -> tuple[str, str]:
    age = job_seeker.age_on(on)
    band = "young" if age < 27 else ("older" if age >= 50 else "middle")
    return band, "activation" if job_seeker.ladder_rung <= 4 else "labour_market"


def _eligible(job_seeker: JobSeeker) -> bool:
    return all(getattr(job_seeker, name) not in ("", None) for name in REQUIRED_FIELDS)


def _moment(rng: random.Random, day: dt.date, zone: ZoneInfo) -> dt.datetime:
    minutes = rng.randint(9 * 60, 16 * 60 + 30)
    return dt.datetime.combine(day, dt.time(minutes // 60, minutes % 60), tzinfo=zone)


def _wage(rng: random.Random, age: int, start: dt.date) -> tuple[Decimal, dict]:
    """An hourly wage at least the highest adult amount shipped, with its wage check
    (waiting for the rate where the start date lies after the table)."""
    top = max(row.hourly for row in table() if row.kind == "regular")
    wage = (top * Decimal(str(1 + rng.random() * 0.35))).quantize(Decimal("0.01"))
    try:
        check = assess_wage(hourly_wage=wage, age=age, on=start)
    except MinimumWageUnknownError:
        return wage, {}
    return wage, {
        "wage_check": check.check,
        "minimum_wage": check.minimum,
        "minimum_wage_date": check.rate_date,
    }


class Generator:
    def __init__(self, *, programmes: list[Programme], seed: int, anchor: dt.date) -> None:
        self.rng = random.Random(seed)
        self.anchor = anchor
        self.zone = ZoneInfo(settings.TIME_ZONE)
        self.programmes = programmes
        effect_rng = random.Random(seed * 7 + 1)
        segments = [
            (b, p) for b in ("young", "middle", "older") for p in ("activation", "labour_market")
        ]
        #: Each programme's effect (on the log-odds of success) per segment.
        self.effects = {
            programme.pk: {segment: effect_rng.gauss(0, 0.7) for segment in segments}
            for programme in programmes
        }
        self.favourites: dict[int | None, list[Programme]] = {}

    def favourites_of(self, caseworker_id: int | None) -> list[Programme]:
        if caseworker_id not in self.favourites:
            count = min(len(self.programmes), 4)
            self.favourites[caseworker_id] = self.rng.sample(self.programmes, count)
        return self.favourites[caseworker_id]

    def refer_probability(self, job_seeker: JobSeeker) -> float:
        months = job_seeker.unemployed_months(self.anchor)
        score = _logit(REFERRAL_SHARE)
        score += 0.4 if job_seeker.ladder_rung in (3, 4, 5) else -0.3
        score += -0.5 if job_seeker.age_on(self.anchor) >= 55 else 0.0
        score += -0.4 if months > 60 else 0.2
        return _sigmoid(score)

    def choose(self, job_seeker: JobSeeker) -> Programme | None:
        fitting = [p for p in self.programmes if p.serves_rung(job_seeker.ladder_rung)]
        if not fitting:
            return None
        favourites = [p for p in self.favourites_of(job_seeker.contact_person_id) if p in fitting]
        if favourites and self.rng.random() < 0.6:
            return self.rng.choice(favourites)
        return self.rng.choice(fitting)

    def success(self, job_seeker: JobSeeker, programme: Programme, on: dt.date) -> bool:
        base = -1.6 + 0.35 * (job_seeker.ladder_rung - 3)
        base -= 0.01 * min(job_seeker.unemployed_months(on), 120)
        return self.rng.random() < _sigmoid(
            base + self.effects[programme.pk][_segment(job_seeker, on)]
        )


def create_trajectories(
    *,
    organisations: dict[str, Organisation],
    seed: int,
    anchor: dt.date,
    progress: Callable[[str], None] | None = None,
) -> int:
    """Demo trajectories for the job seekers of the providers' municipality. Returns the count."""
    coach_keys = {spec.organisation for spec in ROLE_USERS if spec.username == "coach"}
    excluded = {organisations[key].pk for key in coach_keys}
    programmes = list(
        Programme.objects.filter(active=True)
        .exclude(provider__organisation_id__in=excluded)
        .select_related("provider")
        .order_by("pk")
    )
    if not programmes:
        return 0
    municipality_id = programmes[0].municipality_id
    programmes = [p for p in programmes if p.municipality_id == municipality_id]
    gen = Generator(programmes=programmes, seed=seed, anchor=anchor)
    rng = gen.rng
    first_day = anchor - dt.timedelta(days=365 * YEARS)
    job_seekers = [
        js
        for js in JobSeeker.objects.filter(municipality_id=municipality_id).order_by("pk")
        if _eligible(js)
    ]
    plans: list[tuple[Trajectory, list[Programme], dict]] = []
    for job_seeker in job_seekers:
        if rng.random() >= gen.refer_probability(job_seeker):
            continue
        programme = gen.choose(job_seeker)
        if programme is None:
            continue
        earliest = max(first_day, job_seeker.unemployed_since + dt.timedelta(days=30))
        if earliest >= anchor - dt.timedelta(days=3):
            continue
        referred_on = earliest + dt.timedelta(days=rng.randrange((anchor - earliest).days))
        consent = rng.random() < 0.4
        fields = [*DEFAULT_FIELDS, *(("limitations", "attention_psychological") if consent else ())]
        handover = {
            name: (value.isoformat() if isinstance(value, dt.date) else value)
            for name in fields
            for value in [getattr(job_seeker, name)]
        }
        group_only = programme.format == Format.GROUP
        trajectory = Trajectory(
            municipality_id=municipality_id,
            job_seeker=job_seeker,
            programme=programme,
            provider=programme.provider,
            status=Status.REFERRED,
            referred_by_id=job_seeker.contact_person_id,
            referred_on=referred_on,
            reason=rng.choice(REASONS).format(
                wish=(job_seeker.wishes or "te werken").split(".")[0].lower(),
                rung=job_seeker.ladder_rung,
            ),
            alternatives_note=rng.choice(ALTERNATIVE_NOTES) if rng.random() < 0.5 else "",
            handover=handover,
            health_consent=consent,
            activity_format=ActivityFormat.GROUP if group_only else ActivityFormat.INDIVIDUAL,
            group_alternative="Individuele begeleiding in plaats van de groepsbijeenkomsten."
            if group_only and job_seeker.prefers_no_group_activities
            else "",
            created_at=_moment(rng, referred_on, gen.zone),
        )
        plans.append(
            (
                trajectory,
                [p for p in gen.favourites_of(job_seeker.contact_person_id) if p != programme][:2],
                {},
            )
        )
    Trajectory.objects.bulk_create([t for t, _alts, _extra in plans], batch_size=2_000)
    through = Trajectory.alternatives.through
    through.objects.bulk_create(
        [
            through(trajectory_id=t.pk, programme_id=alt.pk)
            for t, alts, _extra in plans
            if t.alternatives_note
            for alt in alts
        ],
        batch_size=5_000,
    )
    changes: list[StatusChange] = []
    reports: list[ProgressReport] = []
    end_reports: list[EndReport] = []
    evaluations: list[Evaluation] = []
    updated: list[Trajectory] = []
    for trajectory, _alts, _extra in plans:
        _live(trajectory, gen, changes, reports, end_reports, evaluations)
        updated.append(trajectory)
    Trajectory.objects.bulk_update(
        updated,
        [
            "status",
            "version",
            "updated_at",
            "started_on",
            "ended_on",
            "end_reason",
            "decline_reason",
            "next_report_due",
        ],
        batch_size=2_000,
    )
    StatusChange.objects.bulk_create(changes, batch_size=5_000)
    ProgressReport.objects.bulk_create(reports, batch_size=5_000)
    EndReport.objects.bulk_create(end_reports, batch_size=2_000)
    Evaluation.objects.bulk_create(evaluations, batch_size=2_000)
    if progress:
        progress(
            f"trajectories: {len(plans):,}, progress reports: {len(reports):,}, "
            f"end reports: {len(end_reports):,}, evaluations: {len(evaluations):,}"
        )
    return len(plans)


def _live(trajectory, gen, changes, reports, end_reports, evaluations) -> None:
    """Walk one trajectory through its lifecycle up to the anchor date."""
    rng, anchor, zone = gen.rng, gen.anchor, gen.zone
    day = trajectory.referred_on
    steps = [("", Status.REFERRED, day, "")]

    def step(target: str, on: dt.date, reason: str = "") -> None:
        steps.append((trajectory.status, target, on, reason))
        trajectory.status = target

    accept_on = day + dt.timedelta(days=rng.randint(2, 10))
    if accept_on < anchor:
        if rng.random() < 0.06:
            reason = "Geen plek in de komende groep."
            step(Status.DECLINED, accept_on, reason)
            trajectory.decline_reason = reason
        else:
            step(Status.ACCEPTED, accept_on)
            start_on = accept_on + dt.timedelta(days=rng.randint(5, 21))
            if start_on < anchor:
                step(Status.STARTED, start_on)
                trajectory.started_on = start_on
                _run(trajectory, gen, start_on, step, reports, end_reports, evaluations)
    for from_status, to_status, on, reason in steps:
        changes.append(
            StatusChange(
                trajectory=trajectory,
                from_status=from_status,
                to_status=to_status,
                changed_at=_moment(rng, on, zone),
                changed_by_id=trajectory.referred_by_id if to_status == Status.REFERRED else None,
                reason=reason,
            )
        )
    trajectory.version = len(steps)
    trajectory.updated_at = changes[-1].changed_at


def _run(trajectory, gen, start_on, step, reports, end_reports, evaluations) -> None:
    rng, anchor, zone = gen.rng, gen.anchor, gen.zone
    programme = trajectory.programme
    interval = programme.report_interval_weeks or 4
    planned_end = start_on + dt.timedelta(weeks=programme.duration_weeks)
    ends_early = rng.random() < 0.15
    end_on = (
        start_on + dt.timedelta(days=rng.randint(14, max(15, programme.duration_weeks * 7 - 1)))
        if ends_early
        else planned_end
    )
    finished = end_on < anchor
    last_day = end_on if finished else anchor
    overdue = not finished and rng.random() < OVERDUE_SHARE
    due = add_weeks(start_on, interval)
    while due <= last_day:
        written = (
            due - dt.timedelta(days=rng.randint(0, 4))
            if rng.random() < 0.85
            else due + dt.timedelta(days=rng.randint(1, 9))
        )
        if written > anchor - dt.timedelta(days=1) or (
            overdue and add_weeks(due, interval) > anchor
        ):
            break
        reports.append(
            ProgressReport(
                trajectory=trajectory,
                due_on=due,
                written_at=_moment(rng, written, zone),
                progress=rng.choice(PROGRESS),
                next_steps=rng.choice(NEXT_STEPS),
                health_section=rng.choice(HEALTH)
                if trajectory.health_consent and rng.random() < 0.5
                else "",
            )
        )
        due = add_weeks(due, interval)
    if not finished:
        trajectory.next_report_due = due
        if rng.random() < 0.05:
            suspended_on = max(start_on, anchor - dt.timedelta(days=rng.randint(1, 20)))
            step(Status.SUSPENDED, suspended_on, "Ziekte.")
        return
    if ends_early:
        reason = rng.choice(
            ("Verhuisd naar een andere gemeente.", "Langdurig ziek.", "Zelf werk gevonden.")
        )
        step(Status.ENDED_EARLY, end_on, reason)
        trajectory.end_reason = reason
    else:
        step(Status.COMPLETED, end_on)
        end_reports.append(_end_report(trajectory, gen, end_on))
    trajectory.ended_on = end_on
    if rng.random() < 0.7:
        evaluations.append(
            Evaluation(
                trajectory=trajectory,
                written_at=_moment(
                    rng, min(end_on + dt.timedelta(days=rng.randint(1, 14)), anchor), zone
                ),
                **{name: rng.choice(texts) for name, texts in EVALUATION.items()},
            )
        )


def _end_report(trajectory, gen, end_on: dt.date) -> EndReport:
    rng = gen.rng
    programme = trajectory.programme
    job_seeker = trajectory.job_seeker
    success = gen.success(job_seeker, programme, end_on)
    report = EndReport(
        trajectory=trajectory,
        job_guarantee_promised=programme.job_guarantee,
        written_at=dt.datetime.combine(end_on, dt.time(12), tzinfo=gen.zone),
    )
    if not success:
        report.outcome = Outcome.NONE
        report.summary = "Geen blijvend resultaat binnen de looptijd."
        return report
    if programme.lot == Lot.WORK:
        start = end_on + dt.timedelta(days=rng.randint(0, 30))
        wage, check = _wage(rng, job_seeker.age_on(start), start)
        report.outcome = Outcome.WORK
        report.contract_type = rng.choice(
            (
                ContractType.FIXED_TERM,
                ContractType.FIXED_TERM,
                ContractType.TEMP_AGENCY,
                ContractType.PERMANENT,
            )
        )
        report.hours_per_week = Decimal(rng.choice((12, 16, 20, 24, 32, 36)))
        report.hourly_wage = wage
        for name, value in check.items():
            setattr(report, name, value)
        report.wage_checked_at = report.written_at
        report.employer_name = rng.choice(EMPLOYERS)
        report.work_start_date = start
        report.cao_conform = rng.random() < 0.9
        report.cv_contribution = "Recente werkervaring en een referentie van de werkgever."
        report.job_guarantee_realised = programme.job_guarantee and rng.random() < 0.6
    else:
        kind = rng.choice(
            (Outcome.RUNG_CHANGE, Outcome.RUNG_CHANGE, Outcome.VOLUNTEER_WORK, Outcome.SCHOOLING)
        )
        report.outcome = kind
        if kind == Outcome.RUNG_CHANGE:
            report.rung_after = min(6, job_seeker.ladder_rung + 1)
        elif kind == Outcome.VOLUNTEER_WORK:
            report.volunteer_organisation = rng.choice(VOLUNTEER)
        else:
            report.schooling = rng.choice(SCHOOLING)
    return report
