"""Demo consents (RI5, TR4): what each referral recorded, some withdrawn, a few open.

Every demo referral recorded the handover's parts as given at the desk by the
caseworker who referred, and the health part when it went into the handover. Some
job seekers later withdrew a part on their own pages; for some running trajectories
the caseworker asked for the health consent and the answer still waits. The
``werkzoekende`` login has a question waiting: health for the provider of their
running trajectory, or else their work and skills for employers (the candidate file).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from django.utils import timezone

from werkpad.accounts.models import User
from werkpad.consents import parts as file_parts
from werkpad.consents.models import Consent, ConsentChange
from werkpad.consents.workflow import Channel, Status
from werkpad.core.models import Municipality
from werkpad.jobseekers.models import JobSeeker
from werkpad.trajectories.models import ProgressReport, Trajectory
from werkpad.trajectories.workflow import ENDED, RUNNING

#: Share of the given non-health parts the job seeker withdrew later.
WITHDRAWN_SHARE = 0.06
#: Share of running trajectories without health consent where it was asked and waits.
REQUESTED_SHARE = 0.15
#: Share of those health consents given at referral withdrawn later (no report used it).
HEALTH_WITHDRAWN_SHARE = 0.1


def _moment(day: dt.date, hour: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))


def create_consents(
    *,
    municipalities: list[Municipality],
    job_seeker_user: User,
    seed: int,
    anchor: dt.date,
    progress: Callable[[str], None] = lambda _text: None,
) -> int:
    """The consents of every demo referral, with their history; returns how many."""
    rng = random.Random(seed * 31 + 5)
    trajectories = list(
        Trajectory.objects.filter(municipality__in=municipalities)
        .select_related("provider", "programme")
        .order_by("referred_on", "pk")
    )
    with_health_reports = set(
        ProgressReport.objects.exclude(health_section="").values_list("trajectory_id", flat=True)
    )
    seen: dict[tuple[int, int, str], Consent] = {}
    histories: dict[tuple[int, int, str], list[ConsentChange]] = {}
    running: dict[tuple[int, int], Trajectory] = {}
    for trajectory in trajectories:
        organisation = trajectory.provider.organisation_id
        chosen = file_parts.parts_of(list(trajectory.handover))
        given_at = trajectory.created_at
        for part in chosen:
            key = (trajectory.job_seeker_id, organisation, part)
            if key in seen:
                continue
            seen[key] = Consent(
                municipality_id=trajectory.municipality_id,
                job_seeker_id=trajectory.job_seeker_id,
                recipient=Consent.Recipient.PROVIDER,
                organisation_id=organisation,
                part=part,
                status=Status.GIVEN,
                channel=Channel.DESK,
                created_at=given_at,
                updated_at=given_at,
            )
            histories[key] = [
                ConsentChange(
                    from_status="",
                    to_status=Status.GIVEN,
                    changed_at=given_at,
                    changed_by_id=trajectory.referred_by_id,
                    channel=Channel.DESK,
                    reason="Afgesproken in het aanmeldgesprek.",
                )
            ]
        if trajectory.status in RUNNING:
            running[(trajectory.job_seeker_id, organisation)] = trajectory
    users = dict(JobSeeker.objects.filter(user__isnull=False).values_list("pk", "user_id"))
    for key, consent in seen.items():
        job_seeker_id, organisation, part = key
        running_there = running.get((job_seeker_id, organisation))
        if running_there is None:
            continue
        trajectory = running_there
        if part == file_parts.HEALTH:
            if trajectory.pk in with_health_reports or rng.random() >= HEALTH_WITHDRAWN_SHARE:
                continue
        elif part not in (file_parts.WORK, file_parts.CIRCUMSTANCES) or (
            rng.random() >= WITHDRAWN_SHARE
        ):
            continue
        start = consent.created_at.date() + dt.timedelta(days=1)
        if start >= anchor:
            continue
        day = start + dt.timedelta(days=rng.randint(0, (anchor - start).days))
        by_job_seeker = job_seeker_id in users
        when = _moment(day, rng.randint(9, 20))
        consent.status = Status.WITHDRAWN
        consent.channel = Channel.PORTAL if by_job_seeker else Channel.PHONE
        consent.updated_at = when
        consent.version = 2
        histories[key].append(
            ConsentChange(
                from_status=Status.GIVEN,
                to_status=Status.WITHDRAWN,
                changed_at=when,
                changed_by_id=users.get(job_seeker_id) or trajectory.referred_by_id,
                channel=consent.channel,
            )
        )
    # Open questions: the health consent asked for a running trajectory without it.
    for (job_seeker_id, organisation), trajectory in running.items():
        key = (job_seeker_id, organisation, file_parts.HEALTH)
        if key in seen or rng.random() >= REQUESTED_SHARE:
            continue
        _request(seen, histories, key, trajectory, anchor)
    _werkzoekende(seen, histories, job_seeker_user, running, anchor)
    rows = list(seen.values())
    Consent.objects.bulk_create(rows, batch_size=2_000)
    changes = []
    for key, consent in seen.items():
        for change in histories[key]:
            change.consent = consent
            changes.append(change)
    ConsentChange.objects.bulk_create(changes, batch_size=2_000)
    progress(f"consents: {len(rows):,}")
    return len(rows)


def _request(seen, histories, key, trajectory: Trajectory, anchor: dt.date) -> None:
    """The caseworker asked for the health consent for this trajectory's provider."""
    job_seeker_id, organisation, part = key
    when = max(
        _moment(anchor - dt.timedelta(days=2), 10), trajectory.created_at + dt.timedelta(hours=1)
    )
    reason = f"Voor uw traject {trajectory.programme.name}."
    seen[key] = Consent(
        municipality_id=trajectory.municipality_id,
        job_seeker_id=job_seeker_id,
        recipient=Consent.Recipient.PROVIDER,
        organisation_id=organisation,
        part=part,
        status=Status.REQUESTED,
        channel="",
        requested_reason=reason,
        created_at=when,
        updated_at=when,
    )
    histories[key] = [
        ConsentChange(
            from_status="",
            to_status=Status.REQUESTED,
            changed_at=when,
            changed_by_id=trajectory.referred_by_id,
            reason=reason,
        )
    ]


def _werkzoekende(seen, histories, user: User, running, anchor: dt.date) -> None:
    """The ``werkzoekende`` login has a question waiting."""
    job_seeker = JobSeeker.objects.get(user=user)
    for (job_seeker_id, organisation), trajectory in running.items():
        if job_seeker_id != job_seeker.pk or trajectory.status in ENDED:
            continue
        key = (job_seeker_id, organisation, file_parts.HEALTH)
        if key not in seen or seen[key].status != Status.GIVEN:
            _request(seen, histories, key, trajectory, anchor)
            return
    key = (job_seeker.pk, None, file_parts.WORK)
    when = _moment(anchor - dt.timedelta(days=1), 11)
    reason = "Voor uw kandidaatprofiel: zo kunnen werkgevers zien wat u kunt."
    seen[key] = Consent(
        municipality_id=job_seeker.municipality_id,
        job_seeker_id=job_seeker.pk,
        recipient=Consent.Recipient.EMPLOYERS,
        organisation_id=None,
        part=file_parts.WORK,
        status=Status.REQUESTED,
        channel="",
        requested_reason=reason,
        created_at=when,
        updated_at=when,
    )
    histories[key] = [
        ConsentChange(
            from_status="",
            to_status=Status.REQUESTED,
            changed_at=when,
            changed_by_id=job_seeker.contact_person_id,
            reason=reason,
        )
    ]
