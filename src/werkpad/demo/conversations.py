"""Demo messages (WT2): the ``werkzoekende`` login with their contact person
(``klantmanager``) and with the ``coach`` login, on a running trajectory of the coach's
provider; each of the three logins finds unread messages (and a notification of them).
Across the caseload of the main municipality, more conversations with the contact
persons. Rows are written directly, as the rest of the demo's history is: its audit
log stays one summary. Called right after the trajectories, before the consents, so
the demo's consents follow the trajectory given to the coach."""

from __future__ import annotations

import datetime as dt
import random
from zoneinfo import ZoneInfo

from django.urls import reverse

from werkpad.accounts.models import User
from werkpad.conversations.models import Conversation, Kind, Message, Participant
from werkpad.conversations.notifications import TOPIC
from werkpad.core.models import Municipality
from werkpad.core.permissions import Role
from werkpad.jobseekers.models import JobSeeker
from werkpad.notifications.models import Kind as NotificationKind
from werkpad.notifications.models import Notification
from werkpad.providers.models import Programme
from werkpad.trajectories.models import Trajectory
from werkpad.trajectories.workflow import RUNNING

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

#: (who writes, text); the last of each thread is unread by the others.
CONTACT_THREAD = (
    (Role.CASEWORKER, "Goedemorgen, hoe ging het sollicitatiegesprek bij de thuiszorg?"),
    (Role.JOB_SEEKER, "Het ging goed! Ze bellen mij volgende week terug."),
    (Role.CASEWORKER, "Fijn om te horen. Laat u het weten als ze gebeld hebben?"),
    (Role.JOB_SEEKER, "Ja, dat doe ik. Mag ik ook vragen of de reiskosten vergoed worden?"),
)
COACH_THREAD = (
    (Role.COACH, "Welkom bij het traject. Zullen we dinsdag om 10 uur kennismaken?"),
    (Role.JOB_SEEKER, "Dinsdag om 10 uur is goed. Waar is het?"),
    (Role.COACH, "Op ons kantoor aan de Wibautstraat. Neem uw cv mee als u het heeft."),
)
CASELOAD_TEXTS = (
    "Ik heb mijn cv aangepast, kunt u ernaar kijken?",
    "Ik ben volgende week ziek, kan de afspraak verzet worden?",
    "Is er al nieuws over de opleiding?",
    "Bedankt voor het gesprek van gisteren.",
)
CASELOAD_CONVERSATIONS = 12


def _fits(programme: Programme, trajectory: Trajectory) -> bool:
    """The programme's rungs and target group take the job seeker as referred."""
    age = trajectory.job_seeker.age_on(trajectory.referred_on)
    rung = trajectory.handover.get("ladder_rung")
    if rung is None or not programme.rung_from <= rung <= programme.rung_to:
        return False
    if programme.target_groups == ["young"]:
        return age < 27
    if programme.target_groups == ["older"]:
        return age >= 50
    return True


def _running_with_coach(job_seeker: JobSeeker, coach: User) -> Trajectory | None:
    """The job seeker's running trajectory, with the ``coach`` login as its coach: one of
    the coach's provider's, or their running one moved to a programme of that provider."""
    organisation_id = coach.memberships.get().organisation_id
    running = Trajectory.objects.filter(job_seeker=job_seeker, status__in=RUNNING).order_by("id")
    trajectory = running.filter(provider__organisation_id=organisation_id).first()
    if trajectory is None:
        trajectory = running.first()
        if trajectory is None:
            return None
        programme = next(
            (
                p
                for p in Programme.objects.filter(
                    provider__organisation_id=organisation_id,
                    provider__municipality_id=job_seeker.municipality_id,
                ).order_by("id")
                if _fits(p, trajectory)
            ),
            None,
        )
        if programme is None:
            return None
        trajectory.programme = programme
        trajectory.provider = programme.provider
    trajectory.coach = coach
    trajectory.save()
    return trajectory


def _thread(conversation, lines, people, start: dt.datetime, *, unread_for) -> None:
    """The thread, each participant having read all but the last message."""
    sent = start
    messages = []
    for role, text in lines:
        sent += dt.timedelta(hours=3, minutes=17)
        messages.append(
            Message.objects.create(
                conversation=conversation,
                author=people[role],
                author_role=role,
                body=text,
                sent_at=sent,
            )
        )
    conversation.last_message_at = sent
    conversation.save(update_fields=["last_message_at"])
    last = messages[-1]
    for person in people.values():
        read = last.pk if person.pk == last.author_id else messages[-2].pk
        Participant.objects.create(conversation=conversation, user=person, last_read_id=read)
    for person in unread_for:
        url = (
            reverse("myconversations:detail", args=[conversation.pk])
            if person == people.get(Role.JOB_SEEKER)
            else reverse("conversations:detail", args=[conversation.pk])
        )
        Notification.objects.record(
            recipient_id=person.pk,
            topic=TOPIC,
            kind=NotificationKind.MESSAGE,
            url=url,
            key=f"{TOPIC}:{last.pk}",
        )


def create_conversations(
    *,
    municipality: Municipality,
    users: dict[str, User],
    job_seeker_user: User,
    seed: int,
    anchor: dt.date,
) -> int:
    """The demo's conversations; returns how many."""
    rng = random.Random(seed)
    caseworker, coach = users["klantmanager"], users["coach"]
    job_seeker = JobSeeker.objects.get(user=job_seeker_user)
    start = dt.datetime.combine(anchor - dt.timedelta(days=3), dt.time(9), tzinfo=AMSTERDAM)
    contact = Conversation.objects.create(job_seeker=job_seeker, kind=Kind.CONTACT)
    people = {Role.CASEWORKER: caseworker, Role.JOB_SEEKER: job_seeker_user}
    # the last one is the job seeker's, unread by klantmanager; the one before it,
    # klantmanager's, unread by the job seeker
    _thread(contact, CONTACT_THREAD, people, start, unread_for=[caseworker])
    Participant.objects.filter(conversation=contact, user=job_seeker_user).update(
        last_read_id=contact.messages.order_by("id").values_list("id", flat=True)[1]
    )
    made = 1
    trajectory = _running_with_coach(job_seeker, coach)
    if trajectory is not None:
        with_coach = Conversation.objects.create(
            job_seeker=job_seeker,
            kind=Kind.TRAJECTORY,
            trajectory=trajectory,
            provider_organisation_id=trajectory.provider.organisation_id,
        )
        people = {Role.COACH: coach, Role.JOB_SEEKER: job_seeker_user}
        _thread(with_coach, COACH_THREAD, people, start, unread_for=[job_seeker_user])
        # the coach has not read the job seeker's answer either
        Participant.objects.filter(conversation=with_coach, user=coach).update(last_read_id=0)
        made += 1
    caseload = (
        JobSeeker.objects.filter(
            municipality=municipality, contact_person__isnull=False, user__isnull=True
        )
        .select_related("contact_person")
        .order_by("id")[:CASELOAD_CONVERSATIONS]
    )
    for n, person in enumerate(caseload):
        assert person.contact_person is not None  # as filtered
        conversation = Conversation.objects.create(job_seeker=person, kind=Kind.CONTACT)
        body = rng.choice(CASELOAD_TEXTS)
        sent = start - dt.timedelta(days=n, hours=rng.randint(0, 8))
        Message.objects.create(
            conversation=conversation,
            author=person.contact_person,
            author_role=Role.CASEWORKER,
            body=body,
            sent_at=sent,
        )
        conversation.last_message_at = sent
        conversation.save(update_fields=["last_message_at"])
        made += 1
    return made
