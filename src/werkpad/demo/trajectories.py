"""Three years of demo trajectories: referrals, reports, outcomes and evaluations.

Generated from a small model so that a later analysis has something real to find:

* who is referred depends on the job seeker (rung, age, unemployment duration) and on
  their caseworker's habits (each caseworker favours a few programmes);
* each programme has its own effect per segment (age band x policy: activation or
  labour market), drawn once from the seed, so programmes differ and differ by segment;
* a few programmes carry most referrals, as in a real municipality, so that similar job
  seekers' outcomes add up to evidence ("which programme fits");
* a job seeker is referred only to a programme whose target group they belong to
  (rung, age and target group on the day of referral), never before their file was made;
* the chance of work rises with the rung and falls with the unemployment duration; lot 2
  programmes mostly lead to a higher rung, volunteer work or schooling; a promised job
  guarantee is kept most of the time; a higher rung at the end goes into the job
  seeker's rung history, as any rung change does;
* some job seekers, once a trajectory has ended, are referred again.

Every trajectory the provider took on has a coach of that provider; every status change,
report and evaluation names who acted. The ``coach`` login's provider has referrals in
every state (new ones waiting in its inbox, running ones with reports due, finished ones).
Running trajectories have their reports on schedule, except some that are overdue. Rows
are bulk-created; the same seed and anchor give the same rows.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Callable
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.conf import settings

from werkpad.accounts.models import User
from werkpad.core.deadlines import add_weeks
from werkpad.core.minimum_wage import MinimumWageUnknownError, assess_wage, table
from werkpad.core.models import Municipality, MunicipalitySettings
from werkpad.demo.data import JOB_SEEKER_USERNAME
from werkpad.jobseekers.models import JobSeeker, LadderRungChange, LeaveReason
from werkpad.providers import matching
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
from werkpad.trajectories.workflow import RUNNING, Status

#: How far back the demo's referrals go.
YEARS = 3
#: Share of eligible job seekers referred at least once in those years.
REFERRAL_SHARE = 0.5
#: Share of running trajectories whose last report is overdue.
OVERDUE_SHARE = 0.25
#: Share of job seekers referred again some months after a trajectory ended.
AGAIN_SHARE = 0.5
#: Share of completed trajectories with a job guarantee where the guarantee was kept.
GUARANTEE_KEPT = 0.8
#: How many job seekers never referred are kept as candidates for ``COACH_FATES``.
NEVER_REFERRED_KEPT = 400
#: A job seeker who left the file was referred for the last time at least this many
#: days before the anchor, and more often than those still in the file.
FORMER_LAST_REFERRAL_DAYS = 240
FORMER_REFERRAL_BONUS = 0.35
#: Why job seekers left the file when their last trajectory did not end in work or school.
LEAVE_REASONS = (
    LeaveReason.WORK,
    LeaveReason.OTHER_INCOME,
    LeaveReason.MOVED,
    LeaveReason.OTHER,
)
LEAVE_WEIGHTS = (0.35, 0.3, 0.2, 0.15)
#: Trajectories the ``coach`` login's provider gets in each state besides the rest.
COACH_FATES = (
    (Status.REFERRED, 4),
    (Status.ACCEPTED, 2),
    (Status.DECLINED, 1),
    (Status.STARTED, 3),
    (Status.SUSPENDED, 1),
    (Status.COMPLETED, 2),
    (Status.ENDED_EARLY, 1),
)

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
#: What did not work, only for trajectories with group activities.
GROUP_DID_NOT = "De groepsbijeenkomsten; in een kleinere groep ging het beter."
DECLINE_REASONS: dict[str, str] = {
    ActivityFormat.GROUP: "Geen plek in de komende groep.",
    ActivityFormat.INDIVIDUAL: "Geen coach beschikbaar met de gevraagde ervaring.",
}
EARLY_END_REASONS = ("Verhuisd naar een andere gemeente.", "Langdurig ziek.", "Zelf werk gevonden.")
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
    "what_did_not": ("De lange wachttijd voor de training.", "Te weinig contact met werkgevers."),
    "job_seeker_view": (
        "Tevreden; voelt zich serieus genomen.",
        "Had meer persoonlijke aandacht gewild.",
    ),
}


def _logit(p: float) -> float:
    return math.log(p / (1 - p))


def _sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x))


def _segment(age: int, rung: int) -> tuple[str, str]:
    band = "young" if age < 27 else ("older" if age >= 50 else "middle")
    return band, "activation" if rung <= 4 else "labour_market"


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


#: The attribute of a job seeker that keeps the rung changes the demo's end reports
#: added, until the bulk insert.
_DEMO_RUNG_CHANGES = "demo_rung_changes"


def _history(job_seeker: JobSeeker) -> list[LadderRungChange]:
    """The rung history (prefetched) with the changes the demo's end reports added."""
    return [*job_seeker.rung_history.all(), *getattr(job_seeker, _DEMO_RUNG_CHANGES, [])]


def rung_on(job_seeker: JobSeeker, day: dt.date) -> int:
    """The job seeker's rung on ``day``, from their rung history."""
    rung = job_seeker.ladder_rung
    for change in sorted(_history(job_seeker), key=lambda c: (c.changed_on, c.id or 0)):
        if change.changed_on > day:
            break
        rung = change.to_rung
    return rung


def file_day(job_seeker: JobSeeker) -> dt.date:
    """The day the job seeker's file was made."""
    return job_seeker.created_at.astimezone(ZoneInfo(settings.TIME_ZONE)).date()


class Generator:
    def __init__(
        self,
        *,
        programmes: list[Programme],
        coaches: dict[int, list[int]],
        coach_login_id: int | None,
        seed: int,
        anchor: dt.date,
        report_interval_weeks: int,
        former_ids: frozenset[int] = frozenset(),
    ) -> None:
        self.rng = random.Random(seed)
        #: The municipality's progress report interval, for programmes without their own.
        self.report_interval_weeks = report_interval_weeks
        #: Job seekers who left the file before the anchor (outflow): every trajectory of
        #: theirs has ended, and they leave some weeks after the last one.
        self.former_ids = former_ids
        self.anchor = anchor
        self.zone = ZoneInfo(settings.TIME_ZONE)
        self.programmes = programmes
        self.coaches = coaches  # provider organisation pk -> coach user ids
        self.coach_login_id = coach_login_id
        effect_rng = random.Random(seed * 7 + 1)
        segments = [
            (b, p) for b in ("young", "middle", "older") for p in ("activation", "labour_market")
        ]
        #: Each programme's effect (on the log-odds of success) per segment.
        self.effects = {
            programme.pk: {segment: effect_rng.gauss(0, 0.7) for segment in segments}
            for programme in programmes
        }
        #: How popular each programme is: a few carry most referrals.
        self.popularity = {
            programme.pk: 1 / (rank + 1) ** 2.5
            for rank, programme in enumerate(effect_rng.sample(programmes, len(programmes)))
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

    def fitting(self, job_seeker: JobSeeker, on: dt.date, programmes=None) -> list[Programme]:
        """The programmes whose target group the job seeker belongs to on ``on``."""
        groups = matching.job_seeker_groups(
            age=job_seeker.age_on(on),
            attention_older=job_seeker.attention_older,
            attention_higher_educated=job_seeker.attention_higher_educated,
            attention_psychological=job_seeker.attention_psychological,
            labour_disability=job_seeker.labour_disability,
            benefit_type=job_seeker.benefit_type,
            include_restricted=True,
        )
        rung = rung_on(job_seeker, on)
        return [
            p
            for p in (self.programmes if programmes is None else programmes)
            if matching.fits(p, rung=rung, groups=groups, no_group=False)
        ]

    def choose(self, job_seeker: JobSeeker, on: dt.date) -> Programme | None:
        fitting = self.fitting(job_seeker, on)
        if not fitting:
            return None
        favourites = [p for p in self.favourites_of(job_seeker.contact_person_id) if p in fitting]
        if favourites and self.rng.random() < 0.4:
            return self.rng.choice(favourites)
        weights = [self.popularity[p.pk] for p in fitting]
        return self.rng.choices(fitting, weights=weights)[0]

    def success(self, job_seeker: JobSeeker, programme: Programme, rung: int, on: dt.date) -> bool:
        base = -1.2 + 0.45 * (rung - 3)
        base -= 0.01 * min(job_seeker.unemployed_months(on), 120)
        segment = _segment(job_seeker.age_on(on), rung)
        return self.rng.random() < _sigmoid(base + self.effects[programme.pk][segment])

    def coach_for(self, trajectory: Trajectory) -> int | None:
        coaches = self.coaches.get(trajectory.provider.organisation_id, [])
        if not coaches:
            return None
        if coaches[0] == self.coach_login_id and self.rng.random() < 0.6:
            return coaches[0]
        return self.rng.choice(coaches)


class Rows:
    """Everything made, for the bulk inserts."""

    def __init__(self) -> None:
        self.trajectories: list[tuple[Trajectory, list[Programme]]] = []
        self.changes: list[StatusChange] = []
        self.reports: list[ProgressReport] = []
        self.end_reports: list[EndReport] = []
        self.evaluations: list[Evaluation] = []
        self.rung_changes: list[LadderRungChange] = []
        self.moved: dict[int, JobSeeker] = {}
        self.left: dict[int, JobSeeker] = {}


def create_trajectories(
    *,
    municipalities: list[Municipality],
    coaches: dict[int, list[int]],
    coach_login: User | None = None,
    seed: int,
    anchor: dt.date,
    former_ids: frozenset[int] = frozenset(),
    progress: Callable[[str], None] | None = None,
) -> int:
    """Demo trajectories in every municipality, to its own providers' programmes.

    ``coaches``: provider organisation pk -> the ids of its coaches. ``former_ids``: job
    seekers who leave the file before the anchor; their trajectories all end, and they
    leave after the last one, most of those who found work for that reason. Returns the
    count.
    """
    rows = Rows()
    coach_login_id = coach_login.pk if coach_login is not None else None
    for index, municipality in enumerate(municipalities):
        programmes = list(
            Programme.objects.filter(municipality=municipality, active=True)
            .select_related("provider")
            .order_by("pk")
        )
        if not programmes:
            continue
        gen = Generator(
            programmes=programmes,
            coaches=coaches,
            coach_login_id=coach_login_id,
            seed=seed * 10 + index,
            anchor=anchor,
            former_ids=former_ids,
            report_interval_weeks=MunicipalitySettings.for_id(
                municipality.pk
            ).report_interval_weeks,
        )
        _municipality(gen, municipality, rows, coach_login)
    _save(rows)
    if progress:
        progress(
            f"trajectories: {len(rows.trajectories):,}, progress reports: {len(rows.reports):,}, "
            f"end reports: {len(rows.end_reports):,}, evaluations: {len(rows.evaluations):,}, "
            f"job seekers who left the file: {len(rows.left):,}"
        )
    return len(rows.trajectories)


def _municipality(
    gen: Generator, municipality: Municipality, rows: Rows, coach_login: User | None
) -> None:
    rng, anchor = gen.rng, gen.anchor
    first_day = anchor - dt.timedelta(days=365 * YEARS)
    job_seekers = (
        JobSeeker.objects.filter(municipality=municipality)
        .prefetch_related("rung_history")
        .order_by("pk")
        .iterator(chunk_size=2_000)
    )
    never_referred: list[JobSeeker] = []
    for job_seeker in job_seekers:
        former = job_seeker.pk in gen.former_ids
        if not _eligible(job_seeker):
            if former:
                _leave(gen, job_seeker, None, rows)
            continue
        earliest = max(first_day, file_day(job_seeker) + dt.timedelta(days=14))
        # Who left was referred well before the anchor, so that every trajectory ended.
        latest = anchor - dt.timedelta(days=FORMER_LAST_REFERRAL_DAYS if former else 3)
        chance = gen.refer_probability(job_seeker) + (FORMER_REFERRAL_BONUS if former else 0)
        if rng.random() >= chance or earliest >= latest:
            if former:
                _leave(gen, job_seeker, None, rows)
            elif len(never_referred) < NEVER_REFERRED_KEPT:
                never_referred.append(job_seeker)
            continue
        day = earliest + dt.timedelta(days=rng.randrange((latest - earliest).days))
        last_trajectory = None
        while day < anchor:
            programme = gen.choose(job_seeker, day)
            if programme is None:
                break
            if former and day + dt.timedelta(weeks=programme.duration_weeks, days=90) >= anchor:
                break
            trajectory = _referral(gen, job_seeker, programme, day, rows)
            _live(trajectory, gen, rows)
            last_trajectory = trajectory
            if trajectory.status not in (Status.COMPLETED, Status.ENDED_EARLY, Status.DECLINED):
                break
            if rng.random() >= AGAIN_SHARE:
                break
            last = trajectory.ended_on or trajectory.referred_on
            day = last + dt.timedelta(days=rng.randint(30, 150))
        if former:
            _leave(gen, job_seeker, last_trajectory, rows)
    if coach_login is None:
        return
    organisation_id = coach_login.memberships.get().organisation_id
    own = [p for p in gen.programmes if p.provider.organisation_id == organisation_id]
    if not own:
        return
    candidates = iter(never_referred)
    for fate, count in COACH_FATES:
        for _ in range(count):
            for job_seeker in candidates:
                day = _fate_day(gen, fate, own)
                if day <= file_day(job_seeker) + dt.timedelta(days=14):
                    continue
                fitting = gen.fitting(job_seeker, day, own)
                if fitting:
                    programme = rng.choice(fitting)
                    day = _fate_day(gen, fate, [programme])
                    trajectory = _referral(gen, job_seeker, programme, day, rows)
                    trajectory.preferred_coach = coach_login.pk
                    _live(trajectory, gen, rows, fate=fate)
                    break
    login = (
        JobSeeker.objects.filter(municipality=municipality, user__username=JOB_SEEKER_USERNAME)
        .prefetch_related("rung_history")
        .first()
    )
    if login is not None:
        _running_for_the_login(gen, login, own, rows, coach_login)


def _running_for_the_login(
    gen: Generator, job_seeker: JobSeeker, own: list[Programme], rows: Rows, coach_login: User
) -> None:
    """The job seeker login follows a trajectory of the ``coach`` login's provider now
    (started, or only just accepted when an earlier one ended too recently), so that
    their agreed actions, messages and documents meet that coach. Referred after their
    last trajectory ended, to a programme whose target group they belong to."""
    mine = [t for t, _ in rows.trajectories if t.job_seeker_id == job_seeker.pk]
    if any(t.status in RUNNING for t in mine):
        return
    after = max(
        [file_day(job_seeker) + dt.timedelta(days=14)]
        + [(t.ended_on or t.referred_on) + dt.timedelta(days=14) for t in mine]
    )
    for fate in (Status.STARTED, Status.ACCEPTED):
        for _ in range(10):
            day = _fate_day(gen, fate, own)
            fitting = gen.fitting(job_seeker, day, own) if day > after else []
            if not fitting:
                continue
            programme = gen.rng.choice(fitting)
            day = _fate_day(gen, fate, [programme])
            if day <= after:
                continue
            trajectory = _referral(gen, job_seeker, programme, day, rows)
            trajectory.preferred_coach = coach_login.pk
            _live(trajectory, gen, rows, fate=fate)
            return


def _leave(gen: Generator, job_seeker: JobSeeker, last: Trajectory | None, rows: Rows) -> None:
    """A former job seeker leaves the file some weeks after their last trajectory (or,
    never referred, some months after their file was made): for work when it ended in
    work, for school when in schooling, otherwise for one of the usual reasons."""
    rng, anchor = gen.rng, gen.anchor
    if last is None:
        start = file_day(job_seeker) + dt.timedelta(days=60)
        left_on = start + dt.timedelta(days=rng.randrange(max(1, (anchor - start).days)))
        outcome = None
    else:
        ended = last.ended_on or last.updated_at.astimezone(gen.zone).date()
        left_on = ended + dt.timedelta(days=rng.randint(1, 45))
        report = next((r for r in reversed(rows.end_reports) if r.trajectory is last), None)
        outcome = report.outcome if report is not None else None
    if outcome == Outcome.WORK:
        reason = LeaveReason.WORK
    elif outcome == Outcome.SCHOOLING:
        reason = LeaveReason.SCHOOLING
    else:
        reason = rng.choices(LEAVE_REASONS, weights=LEAVE_WEIGHTS)[0]
    job_seeker.left_on = min(left_on, anchor - dt.timedelta(days=1))
    job_seeker.leave_reason = reason
    rows.left[job_seeker.pk] = job_seeker


def _fate_day(gen: Generator, fate: str, programmes: list[Programme]) -> dt.date:
    """A referral day from which ``fate`` is reached by the anchor."""
    rng, anchor = gen.rng, gen.anchor
    weeks = max(p.duration_weeks for p in programmes)
    if fate == Status.REFERRED:
        return anchor - dt.timedelta(days=rng.randint(1, 6))
    if fate == Status.ACCEPTED:
        return anchor - dt.timedelta(days=rng.randint(9, 12))
    if fate in (Status.STARTED, Status.SUSPENDED):
        return anchor - dt.timedelta(days=rng.randint(40, max(41, weeks * 7 - 20)))
    return anchor - dt.timedelta(days=weeks * 7 + rng.randint(60, 300))


def _referral(gen: Generator, job_seeker: JobSeeker, programme: Programme, day: dt.date, rows):
    rng = gen.rng
    consent = rng.random() < 0.4
    fields = [*DEFAULT_FIELDS, *(("limitations", "attention_psychological") if consent else ())]
    handover = {
        name: (value.isoformat() if isinstance(value, dt.date) else value)
        for name in fields
        for value in [getattr(job_seeker, name)]
    }
    handover["ladder_rung"] = rung_on(job_seeker, day)
    if programme.format == Format.GROUP:
        activity = ActivityFormat.GROUP
    elif programme.format == Format.BOTH and not job_seeker.prefers_no_group_activities:
        activity = ActivityFormat.GROUP if rng.random() < 0.5 else ActivityFormat.INDIVIDUAL
    else:
        activity = ActivityFormat.INDIVIDUAL
    trajectory = Trajectory(
        municipality_id=programme.municipality_id,
        job_seeker=job_seeker,
        programme=programme,
        provider=programme.provider,
        status=Status.REFERRED,
        referred_by_id=job_seeker.contact_person_id,
        referred_on=day,
        reason=rng.choice(REASONS).format(
            wish=(job_seeker.wishes or "te werken").split(".")[0].lower(),
            rung=handover["ladder_rung"],
        ),
        alternatives_note=rng.choice(ALTERNATIVE_NOTES) if rng.random() < 0.5 else "",
        handover=handover,
        activity_format=activity,
        group_alternative="Individuele begeleiding in plaats van de groepsbijeenkomsten."
        if programme.format == Format.GROUP and job_seeker.prefers_no_group_activities
        else "",
        created_at=_moment(rng, day, gen.zone),
    )
    alternatives = (
        [p for p in gen.fitting(job_seeker, day) if p != programme][:2]
        if trajectory.alternatives_note
        else []
    )
    rows.trajectories.append((trajectory, alternatives))
    return trajectory


def _save(rows: Rows) -> None:
    Trajectory.objects.bulk_create([t for t, _alts in rows.trajectories], batch_size=2_000)
    through = Trajectory.alternatives.through
    through.objects.bulk_create(
        [
            through(trajectory_id=t.pk, programme_id=alt.pk)
            for t, alts in rows.trajectories
            for alt in alts
        ],
        batch_size=5_000,
    )
    for collection in (rows.changes, rows.reports, rows.end_reports, rows.evaluations):
        for row in collection:
            row.trajectory_id = row.trajectory.pk
    StatusChange.objects.bulk_create(rows.changes, batch_size=5_000)
    ProgressReport.objects.bulk_create(rows.reports, batch_size=5_000)
    EndReport.objects.bulk_create(rows.end_reports, batch_size=2_000)
    Evaluation.objects.bulk_create(rows.evaluations, batch_size=2_000)
    LadderRungChange.objects.bulk_create(rows.rung_changes, batch_size=5_000)
    JobSeeker.objects.bulk_update(
        list(rows.moved.values()), ["ladder_rung", "version", "updated_at"], batch_size=2_000
    )
    for job_seeker in rows.left.values():
        assert job_seeker.left_on is not None  # rows.left holds those who left
        job_seeker.version += 1
        job_seeker.updated_at = dt.datetime.combine(
            job_seeker.left_on, dt.time(10), tzinfo=job_seeker.updated_at.tzinfo
        )
    JobSeeker.objects.bulk_update(
        list(rows.left.values()),
        ["left_on", "leave_reason", "version", "updated_at"],
        batch_size=2_000,
    )


def _live(trajectory: Trajectory, gen: Generator, rows: Rows, fate: str | None = None) -> None:
    """Walk one trajectory through its lifecycle up to the anchor date (or to ``fate``)."""
    rng, anchor, zone = gen.rng, gen.anchor, gen.zone
    day = trajectory.referred_on
    steps: list[tuple[str, str, dt.date, str, int | None]] = [
        ("", Status.REFERRED, day, "", trajectory.referred_by_id)
    ]
    coach_id = getattr(trajectory, "preferred_coach", None) or gen.coach_for(trajectory)

    def step(target: str, on: dt.date, reason: str = "", by: int | None = None) -> None:
        steps.append((trajectory.status, target, on, reason, by or coach_id))
        trajectory.status = target

    accept_on = day + dt.timedelta(days=rng.randint(2, 5 if fate else 10))
    if accept_on < anchor and fate != Status.REFERRED:
        if fate == Status.DECLINED or (fate is None and rng.random() < 0.06):
            reason = DECLINE_REASONS[trajectory.activity_format]
            step(Status.DECLINED, accept_on, reason)
            trajectory.decline_reason = reason
        else:
            step(Status.ACCEPTED, accept_on)
            trajectory.coach_id = coach_id
            start_on = accept_on + dt.timedelta(days=rng.randint(5, 21))
            if start_on < anchor and fate != Status.ACCEPTED:
                step(Status.STARTED, start_on)
                trajectory.started_on = start_on
                _run(trajectory, gen, start_on, step, rows, fate)
    for from_status, to_status, on, reason, by in steps:
        rows.changes.append(
            StatusChange(
                trajectory=trajectory,
                from_status=from_status,
                to_status=to_status,
                changed_at=_moment(rng, on, zone),
                changed_by_id=by,
                reason=reason,
            )
        )
    trajectory.version = len(steps)
    trajectory.updated_at = rows.changes[-1].changed_at


def _run(trajectory, gen, start_on, step, rows: Rows, fate: str | None) -> None:
    rng, anchor, zone = gen.rng, gen.anchor, gen.zone
    programme = trajectory.programme
    interval = programme.report_interval_weeks or gen.report_interval_weeks
    planned_end = start_on + dt.timedelta(weeks=programme.duration_weeks)
    ends_early = fate == Status.ENDED_EARLY or (fate is None and rng.random() < 0.15)
    end_on = (
        start_on + dt.timedelta(days=rng.randint(14, max(15, programme.duration_weeks * 7 - 1)))
        if ends_early
        else planned_end
    )
    finished = end_on < anchor and fate not in (Status.STARTED, Status.SUSPENDED)
    last_day = end_on if finished else anchor
    overdue = not finished and rng.random() < OVERDUE_SHARE
    due = add_weeks(start_on, interval)
    while due <= last_day:
        written = (
            due - dt.timedelta(days=rng.randint(0, 4))
            if rng.random() < 0.85
            else due + dt.timedelta(days=rng.randint(1, 9))
        )
        written = min(written, last_day)
        if written > anchor - dt.timedelta(days=1) or (
            overdue and add_weeks(due, interval) > anchor
        ):
            break
        rows.reports.append(
            ProgressReport(
                trajectory=trajectory,
                due_on=due,
                written_at=_moment(rng, written, zone),
                written_by_id=trajectory.coach_id,
                progress=rng.choice(PROGRESS),
                next_steps=rng.choice(NEXT_STEPS),
                health_section=rng.choice(HEALTH)
                if "limitations" in trajectory.handover and rng.random() < 0.5
                else "",
            )
        )
        due = add_weeks(due, interval)
    if not finished:
        trajectory.next_report_due = due
        if fate == Status.SUSPENDED or (fate is None and rng.random() < 0.05):
            # The day after the start at the earliest, so the history keeps its order.
            suspended_on = max(
                start_on + dt.timedelta(days=1), anchor - dt.timedelta(days=rng.randint(1, 20))
            )
            step(Status.SUSPENDED, suspended_on, "Ziekte.")
        return
    if ends_early:
        reason = rng.choice(EARLY_END_REASONS)
        step(Status.ENDED_EARLY, end_on, reason)
        trajectory.end_reason = reason
    else:
        step(Status.COMPLETED, end_on)
        rows.end_reports.append(_end_report(trajectory, gen, end_on, rows))
    trajectory.ended_on = end_on
    if rng.random() < 0.7:
        texts = {name: rng.choice(options) for name, options in EVALUATION.items()}
        if trajectory.activity_format == ActivityFormat.GROUP and rng.random() < 0.3:
            texts["what_did_not"] = GROUP_DID_NOT
        rows.evaluations.append(
            Evaluation(
                trajectory=trajectory,
                written_at=_moment(
                    rng, min(end_on + dt.timedelta(days=rng.randint(1, 14)), anchor), zone
                ),
                written_by_id=trajectory.coach_id,
                **texts,
            )
        )


def _end_report(trajectory, gen, end_on: dt.date, rows: Rows) -> EndReport:
    rng = gen.rng
    programme = trajectory.programme
    job_seeker = trajectory.job_seeker
    rung = trajectory.handover["ladder_rung"]
    promised = programme.job_guarantee
    kept = promised and rng.random() < GUARANTEE_KEPT
    success = kept or gen.success(job_seeker, programme, rung, end_on)
    report = EndReport(
        trajectory=trajectory,
        job_guarantee_promised=promised,
        job_guarantee_realised=kept,
        written_at=dt.datetime.combine(end_on, dt.time(12), tzinfo=gen.zone),
        written_by_id=trajectory.coach_id,
    )
    if not success:
        report.outcome = Outcome.NONE
        report.summary = "Geen blijvend resultaat binnen de looptijd."
        return report
    to_work = kept or (
        rng.random() < 0.85 if programme.lot == Lot.WORK else (rung >= 3 and rng.random() < 0.1)
    )
    if to_work:
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
        return report
    kind = (
        Outcome.SCHOOLING
        if programme.lot == Lot.WORK
        else rng.choice(
            (Outcome.RUNG_CHANGE, Outcome.RUNG_CHANGE, Outcome.VOLUNTEER_WORK, Outcome.SCHOOLING)
        )
    )
    if kind == Outcome.RUNG_CHANGE and not _may_step_up(job_seeker, rung, end_on):
        kind = Outcome.VOLUNTEER_WORK
    report.outcome = kind
    if kind == Outcome.RUNG_CHANGE:
        report.rung_after = rung + 1
        _step_up(job_seeker, rung, report, rows)
    elif kind == Outcome.VOLUNTEER_WORK:
        report.volunteer_organisation = rng.choice(VOLUNTEER)
    else:
        report.schooling = rng.choice(SCHOOLING)
    return report


def _may_step_up(job_seeker: JobSeeker, rung: int, end_on: dt.date) -> bool:
    """A higher rung at the end, when nothing in the history came after it."""
    return (
        rung < 6
        and rung_on(job_seeker, end_on) == rung == job_seeker.ladder_rung
        and all(change.changed_on <= end_on for change in _history(job_seeker))
    )


def _step_up(job_seeker: JobSeeker, rung: int, report: EndReport, rows: Rows) -> None:
    """The end report's new rung goes into the rung history, as any rung change does."""
    written_on = report.written_at.date()
    change = LadderRungChange(
        job_seeker=job_seeker,
        from_rung=rung,
        to_rung=rung + 1,
        changed_on=written_on,
        recorded_at=report.written_at,
        changed_by_id=report.written_by_id,
        reason=f"Einde traject {report.trajectory.programme.name}: een trede hoger.",
    )
    setattr(job_seeker, _DEMO_RUNG_CHANGES, [*getattr(job_seeker, _DEMO_RUNG_CHANGES, []), change])
    job_seeker.ladder_rung = rung + 1
    job_seeker.version += 1
    job_seeker.updated_at = report.written_at
    rows.rung_changes.append(change)
    rows.moved[job_seeker.pk] = job_seeker
