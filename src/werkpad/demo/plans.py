"""Demo plans (PL1-PL4): most job seekers have one, some none, some reviews overdue.

Bulk-created like the job seekers, without a service call per row, and the same
rows for the same seed. Every plan's lifecycle is written out as the history
rows the services would append, each naming who acted: the caseworker writes and
proposes, the job seeker (with their own login) answers. No plan starts before
the job seeker's file. Revised plans carry the periodic review that started the
new version; some plans carry comments of the job seeker and the caseworker. The
``werkzoekende`` login gets a version proposed to them and waiting for their answer.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Sequence
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.conf import settings

from werkpad.core.deadlines import add_months
from werkpad.core.models import Municipality, MunicipalitySettings
from werkpad.demo.data import JOB_SEEKER_USERNAME
from werkpad.instruments.models import Instrument, InstrumentType
from werkpad.jobseekers.models import JobSeeker
from werkpad.plans.models import (
    Approach,
    Kind,
    Plan,
    PlanComment,
    PlanReview,
    PlanStatusChange,
    PlanVersion,
)
from werkpad.plans.workflow import Status

BATCH_SIZE = 5_000

#: Shares of the demo's job seekers: no plan at all, a first draft, a proposal
#: waiting for an answer; the rest have a plan in effect.
NO_PLAN_SHARE = 0.12
DRAFT_SHARE = 0.03
PROPOSED_SHARE = 0.04
#: Of plans in effect: a second version that superseded the first, and the
#: share whose job seeker recorded disagreement.
REVISED_SHARE = 0.25
DISAGREEMENT_SHARE = 0.06
#: How long ago plans in effect took effect, in months (overdue past the municipality's
#: plan review period, 6 months by default).
EFFECTIVE_MONTHS_AGO = (0, 7)

GOALS = {
    Kind.ACTIVATION: (
        "Meer contact met mensen buiten de deur en een vast dagritme.",
        "Wekelijks meedoen aan een activiteit in de wijk.",
        "Vrijwilligerswerk vinden dat past bij wat u graag doet.",
        "Schulden op orde brengen, zodat er ruimte komt voor werk.",
    ),
    Kind.INTEGRATION: (
        "Binnen een jaar betaald werk van minstens 20 uur per week.",
        "Een baan in de logistiek, met een opleiding op de werkvloer.",
        "Terug naar werk in de zorg, eerst met een proefplaatsing.",
        "Een vaste baan bij een werkgever in de regio, met begeleiding van een jobcoach.",
    ),
}
ACTIVITIES = {
    Kind.ACTIVATION: (
        "Twee ochtenden per week meedoen in het buurthuis.",
        "Elke twee weken een gesprek met de klantmanager.",
        "Aanmelden bij het vrijwilligerssteunpunt en twee plekken bekijken.",
    ),
    Kind.INTEGRATION: (
        "Een sollicitatietraining volgen en elke week twee keer solliciteren.",
        "Een cv maken en inschrijven op werk.nl.",
        "Vier weken proefplaatsing en daarna een gesprek met de werkgever.",
        "Een vakopleiding volgen met een leerwerkplek.",
    ),
}
RIGHTS_AND_OBLIGATIONS = (
    "U doet mee aan de afgesproken activiteiten en komt naar afspraken. Kunt u niet, dan "
    "meldt u dat vooraf. De gemeente biedt de ondersteuning uit dit plan en een vaste "
    "contactpersoon. Houdt u zich zonder goede reden niet aan de afspraken, dan kan de "
    "gemeente uw uitkering tijdelijk verlagen."
)
DISAGREEMENTS = (
    "Ik wil liever geen groepstraining, ik werk beter alleen.",
    "Twee keer per week is te veel naast de zorg voor mijn kinderen.",
    "Ik wil een opleiding in de zorg, niet in de logistiek.",
)
#: Share of plans in effect with a comment of the job seeker and the caseworker's answer.
COMMENT_SHARE = 0.3
COMMENTS = (
    (
        "Mag de training ook in de ochtend? 's Middags haal ik mijn kinderen op.",
        "Ja, ik heb gevraagd of u in de ochtendgroep kunt. U hoort het deze week.",
    ),
    (
        "Ik wil graag weten wat er gebeurt als ik ziek ben op de dag van de afspraak.",
        "Dan belt u mij voor de afspraak; dan maken we een nieuwe afspraak.",
    ),
    (
        "Ik heb ook een rijbewijs B, dat staat er nog niet in.",
        "Dank u, ik heb het in uw dossier gezet.",
    ),
)
REVIEW_NOTES = (
    "Doelen besproken; de trede klopt niet meer, daarom een nieuwe versie.",
    "Activiteiten lopen goed; volgende stap is een opleiding.",
    "Werkzoekende wil meer uren; instrumenten aangepast.",
)

INSTRUMENTS_FOR = {
    Kind.ACTIVATION: (
        InstrumentType.VOLUNTEER_WORK,
        InstrumentType.DEBT_HELP,
        InstrumentType.CHILDCARE,
        InstrumentType.TRAINING,
    ),
    Kind.INTEGRATION: (
        InstrumentType.APPLICATION_TRAINING,
        InstrumentType.SCHOOLING,
        InstrumentType.TRIAL_PLACEMENT,
        InstrumentType.JOB_COACHING,
        InstrumentType.WAGE_COST_SUBSIDY_TEMPORARY,
        InstrumentType.LEARN_WORK_PLACE,
    ),
}


class _Builder:
    def __init__(self, *, municipality: Municipality, seed: int, anchor: dt.date) -> None:
        self.rng = random.Random(seed)
        self.anchor = anchor
        self.review_months = MunicipalitySettings.for_id(municipality.pk).plan_review_months
        self.zone = ZoneInfo(settings.TIME_ZONE)
        by_type: dict[str, list[int]] = {}
        for pk, type_ in Instrument.objects.filter(
            municipality=municipality, active=True
        ).values_list("pk", "type"):
            by_type.setdefault(type_, []).append(pk)
        self.instruments: dict[str, list[int]] = {
            kind: [pk for type_ in types for pk in by_type.get(type_, ())]
            for kind, types in INSTRUMENTS_FOR.items()
        }

    def moment(self, day: dt.date) -> dt.datetime:
        minutes = self.rng.randint(8 * 60, 17 * 60)
        return dt.datetime.combine(day, dt.time(minutes // 60, minutes % 60), tzinfo=self.zone)

    def content(self, rung: int) -> dict[str, object]:
        kind = Kind.ACTIVATION if rung <= 4 else Kind.INTEGRATION
        if rung == 4 and self.rng.random() < 0.3:
            kind = Kind.INTEGRATION
        rng = self.rng
        return {
            "kind": kind,
            "goals": rng.choice(GOALS[kind]),
            # an activation plan aims at taking part (up to unpaid work, rung 4),
            # an integration plan at paid work
            "target_rung": min(6, rung + 1) if kind == Kind.INTEGRATION else min(4, rung + 1),
            "approach": rng.choice(Approach.values) if kind == Kind.INTEGRATION else "",
            "rights_and_obligations": RIGHTS_AND_OBLIGATIONS,
            "activities": "\n".join(rng.sample(ACTIVITIES[kind], 2)),
            "personal_budget": Decimal(rng.choice((500, 750, 1000, 1500)))
            if rng.random() < 0.08
            else None,
        }

    def pick_instruments(self, kind: str) -> list[int]:
        pool = self.instruments[kind]
        return self.rng.sample(pool, min(len(pool), self.rng.randint(1, 2))) if pool else []


def _file_day(job_seeker, zone: ZoneInfo) -> dt.date:
    return job_seeker.created_at.astimezone(zone).date()


def _plan_rows(builder: _Builder, job_seeker, *, force_proposed: bool):
    """One plan's versions as (version, instruments, history, review, comments) tuples,
    oldest first: ``None`` for no plan."""
    rng = builder.rng
    anchor = builder.anchor
    first_day = _file_day(job_seeker, builder.zone)
    draw = rng.random()
    if force_proposed:
        fate = "proposed"
    elif draw < NO_PLAN_SHARE:
        return None
    elif draw < NO_PLAN_SHARE + DRAFT_SHARE or first_day > anchor - dt.timedelta(days=5):
        fate = "draft"
    elif draw < NO_PLAN_SHARE + DRAFT_SHARE + PROPOSED_SHARE:
        fate = "proposed"
    else:
        fate = "in_effect"
    contact = job_seeker.contact_person_id
    seeker = job_seeker.user_id
    versions = []
    if fate == "in_effect":
        months_ago = rng.randint(*EFFECTIVE_MONTHS_AGO)
        effective = add_months(anchor, -months_ago) - dt.timedelta(days=rng.randint(0, 27))
        effective = max(effective, first_day + dt.timedelta(days=3))
        first_start = add_months(effective, -builder.review_months)
        revised = (
            rng.random() < REVISED_SHARE
            and months_ago >= 2
            and first_start >= first_day + dt.timedelta(days=3)
        )
        numbers = [1, 2] if revised else [1]
        starts = [first_start, effective] if revised else [effective]
        earliest = first_day
        for number, start in zip(numbers, starts, strict=True):
            last = number == numbers[-1]
            written_day = start - dt.timedelta(days=min(14, (start - earliest).days))
            written = builder.moment(written_day)
            proposed = builder.moment(written_day + dt.timedelta(days=1))
            answered = builder.moment(start)
            disagrees = rng.random() < DISAGREEMENT_SHARE
            content = builder.content(job_seeker.ladder_rung)
            version = PlanVersion(
                number=number,
                status=Status.IN_EFFECT if last else Status.SUPERSEDED,
                created_at=written,
                created_by_id=contact,
                proposed_at=proposed,
                answered_at=answered,
                disagreement_reason=rng.choice(DISAGREEMENTS) if disagrees else "",
                effective_on=start,
                review_due_on=add_months(start, builder.review_months),
                reason="" if number == 1 else f"Evaluatie van {written_day:%d-%m-%Y}",
                **content,
            )
            answer = Status.DISAGREEMENT_RECORDED if disagrees else Status.AGREED
            history = [
                ("", Status.DRAFT, written, contact, ""),
                (Status.DRAFT, Status.PROPOSED, proposed, contact, ""),
                (Status.PROPOSED, answer, answered, seeker, version.disagreement_reason),
                (answer, Status.IN_EFFECT, answered, seeker, ""),
            ]
            if not last:
                history.append(
                    (Status.IN_EFFECT, Status.SUPERSEDED, builder.moment(effective), seeker, "v2")
                )
            comments = []
            if last and seeker and rng.random() < COMMENT_SHARE:
                question, reply = rng.choice(COMMENTS)
                comments = [
                    (seeker, True, question, proposed + dt.timedelta(hours=2)),
                    (contact, False, reply, proposed + dt.timedelta(hours=20)),
                ]
            review = None
            if number > 1:
                review = {
                    "held_on": written_day,
                    "rung_reconsidered": True,
                    "instruments_reconsidered": rng.random() < 0.6,
                    "notes": rng.choice(REVIEW_NOTES),
                    "recorded_by_id": contact,
                    "recorded_at": written,
                }
            versions.append(
                (version, builder.pick_instruments(version.kind), history, review, comments)
            )
            earliest = start
    else:
        written_day = max(first_day, anchor - dt.timedelta(days=rng.randint(1, 20)))
        written = builder.moment(written_day)
        version = PlanVersion(
            number=1,
            status=Status.PROPOSED if fate == "proposed" else Status.DRAFT,
            created_at=written,
            created_by_id=contact,
            **builder.content(job_seeker.ladder_rung),
        )
        history = [("", Status.DRAFT, written, contact, "")]
        if fate == "proposed":
            version.proposed_at = written + dt.timedelta(hours=3)
            history.append((Status.DRAFT, Status.PROPOSED, version.proposed_at, contact, ""))
        versions.append((version, builder.pick_instruments(version.kind), history, None, []))
    return versions


def create_plans(
    *,
    municipalities: Sequence[Municipality],
    seed: int,
    anchor: dt.date,
    progress: Callable[[str], None] | None = None,
) -> int:
    """Plans for the demo's job seekers; returns how many were made."""
    made = 0
    for index, municipality in enumerate(municipalities):
        builder = _Builder(municipality=municipality, seed=seed * 1000 + index, anchor=anchor)
        job_seekers = (
            JobSeeker.objects.filter(municipality=municipality)
            .select_related("user")
            .only(
                "id",
                "ladder_rung",
                "contact_person_id",
                "user_id",
                "unemployed_since",
                "created_at",
                "user__username",
            )
            .order_by("id")
        )
        pending = []
        for job_seeker in job_seekers.iterator(chunk_size=BATCH_SIZE):
            own = job_seeker.user is not None and job_seeker.user.username == JOB_SEEKER_USERNAME
            versions = _plan_rows(builder, job_seeker, force_proposed=own)
            if versions is not None:
                pending.append((job_seeker, versions))
            if len(pending) >= BATCH_SIZE:
                made += _save(municipality, pending)
                pending = []
        made += _save(municipality, pending)
        if progress is not None:
            progress(f"plans: {municipality.name}: {made:,}")
    return made


def _save(municipality: Municipality, pending) -> int:
    if not pending:
        return 0
    plans = Plan.objects.bulk_create(
        [
            Plan(
                municipality=municipality,
                job_seeker_id=job_seeker.pk,
                status=versions[-1][0].status,
                latest_number=versions[-1][0].number,
                review_due_on=versions[-1][0].review_due_on
                if versions[-1][0].status == Status.IN_EFFECT
                else None,
                created_by_id=job_seeker.contact_person_id,
                created_at=versions[0][0].created_at,
                updated_at=versions[-1][0].answered_at or versions[-1][0].created_at,
                version=1 + sum(len(row[2]) for row in versions),
            )
            for job_seeker, versions in pending
        ],
        batch_size=BATCH_SIZE,
    )
    all_versions = []
    for plan, (_job_seeker, versions) in zip(plans, pending, strict=True):
        for version, *_rest in versions:
            version.plan = plan
            all_versions.append(version)
    PlanVersion.objects.bulk_create(all_versions, batch_size=BATCH_SIZE)
    Through = PlanVersion.instruments.through
    links: list[tuple[int, int]] = []  # (plan version, instrument)
    changes: list[PlanStatusChange] = []
    current: list[Plan] = []
    reviews: list[PlanReview] = []
    comments: list[PlanComment] = []
    for plan, (_job_seeker, versions) in zip(plans, pending, strict=True):
        previous = None
        for version, instruments, history, review, remarks in versions:
            if review is not None:
                reviews.append(
                    PlanReview(plan=plan, version=previous, new_version=version, **review)
                )
            comments.extend(
                PlanComment(
                    plan=plan,
                    version=version,
                    author_id=author,
                    by_job_seeker=by_job_seeker,
                    text=text,
                    created_at=at,
                )
                for author, by_job_seeker, text, at in remarks
            )
            previous = version
            links.extend((version.pk, i) for i in instruments)
            changes.extend(
                PlanStatusChange(
                    version=version,
                    from_status=old,
                    to_status=new,
                    changed_at=at,
                    changed_by_id=by,
                    reason=why,
                )
                for old, new, at, by, why in history
            )
            if version.status == Status.IN_EFFECT:
                plan.current_version = version
                current.append(plan)
    Through.objects.bulk_create(
        [Through(planversion_id=v, instrument_id=i) for v, i in links], batch_size=BATCH_SIZE
    )
    PlanStatusChange.objects.bulk_create(changes, batch_size=BATCH_SIZE)
    Plan.objects.bulk_update(current, ["current_version"], batch_size=BATCH_SIZE)
    PlanReview.objects.bulk_create(reviews, batch_size=BATCH_SIZE)
    PlanComment.objects.bulk_create(comments, batch_size=BATCH_SIZE)
    return len(plans)
