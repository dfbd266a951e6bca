"""RI4: mediation about a trajectory, also while it runs: the request, an independent
mediator, the sessions and the outcome; each step audited, out of turn refused."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from tests.factories import job_seeker_login
from tests.secondopinions.factories import MediationFactory
from werkpad.core.errors import (
    ConflictError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
)
from werkpad.core.lifecycle import TransitionRefusedError
from werkpad.core.models import AuditEvent
from werkpad.mediations import selectors, services
from werkpad.mediations.models import MediationRequest
from werkpad.mediations.workflow import ALLOWED_TRANSITIONS, Status

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.time_machine(dt.datetime(2026, 11, 23, 10, tzinfo=AMSTERDAM), tick=False),
]


def test_the_lifecycle_table():
    assert {
        "requested": {"mediator_appointed", "withdrawn"},
        "mediator_appointed": {"in_progress", "withdrawn"},
        "in_progress": {"concluded", "withdrawn"},
        "concluded": set(),
        "withdrawn": set(),
    } == ALLOWED_TRANSITIONS


def test_the_job_seeker_asks_about_a_running_trajectory(job_seeker, trajectory):
    """RI4: also while the trajectory runs."""
    mediation = services.mediation_request(
        user=job_seeker_login(job_seeker), trajectory_id=trajectory.pk, reason="Te veel groep."
    )
    assert mediation.status == Status.REQUESTED and mediation.requested_by == "job_seeker"
    assert AuditEvent.objects.filter(object_type="mediation", action="create").exists()
    with pytest.raises(ConflictError):
        services.mediation_request(
            user=job_seeker_login(job_seeker), trajectory_id=trajectory.pk, reason="Nogmaals."
        )


def test_nobody_else_asks_for_the_job_seeker(trajectory, coach, zaandam_caseworker):
    with pytest.raises(PermissionDeniedError):
        services.mediation_request(user=coach, trajectory_id=trajectory.pk, reason="x")
    with pytest.raises(NotFoundError):
        services.mediation_request(user=zaandam_caseworker, trajectory_id=trajectory.pk, reason="x")
    assert not MediationRequest.objects.exists()


def test_the_mediator_is_independent(caseworker, trajectory, provider):
    mediation = MediationFactory(trajectory=trajectory)
    for organisation in (provider.name, " werkkracht  bv ", provider.organisation.name):
        with pytest.raises(InvalidInputError) as error:
            services.mediation_appoint_mediator(
                user=caseworker, mediation_id=mediation.pk, name="A", organisation=organisation
            )
        assert "organisation" in error.value.errors
    mediation = services.mediation_appoint_mediator(
        user=caseworker,
        mediation_id=mediation.pk,
        name="Mr. De Boer",
        organisation="Mediation Noord",
    )
    assert mediation.status == Status.MEDIATOR_APPOINTED


def test_sessions_then_outcome(caseworker, trajectory):
    mediation = MediationFactory(trajectory=trajectory, appointed=True)
    with pytest.raises(TransitionRefusedError):
        services.mediation_conclude(
            user=caseworker, mediation_id=mediation.pk, outcome="agreement", text="Ja."
        )
    with pytest.raises(InvalidInputError) as error:
        services.mediation_record_session(
            user=caseworker, mediation_id=mediation.pk, held_on=dt.date(2026, 11, 11), notes=""
        )
    assert set(error.value.errors) == {"held_on", "notes"}
    services.mediation_record_session(
        user=caseworker, mediation_id=mediation.pk, held_on=dt.date(2026, 11, 20), notes="Eerste."
    )
    services.mediation_record_session(
        user=caseworker, mediation_id=mediation.pk, held_on=dt.date(2026, 11, 23), notes="Tweede."
    )
    mediation = services.mediation_conclude(
        user=caseworker, mediation_id=mediation.pk, outcome="partly", text="Deels afgesproken."
    )
    assert mediation.status == Status.CONCLUDED and mediation.sessions.count() == 2
    assert list(mediation.history.values_list("to_status", flat=True))[-2:] == [
        "in_progress",
        "concluded",
    ]


def test_the_coach_sees_the_outcome_not_the_notes(caseworker, coach, trajectory, job_seeker):
    mediation = MediationFactory(trajectory=trajectory, concluded=True)
    as_coach = selectors.mediation_sessions(
        user=coach, mediation=selectors.mediation_get(user=coach, id=mediation.pk)
    )
    assert [s["notes"] for s in as_coach] == [None]
    own = job_seeker_login(job_seeker)
    as_job_seeker = selectors.mediation_sessions(
        user=own, mediation=selectors.mediation_get(user=own, id=mediation.pk)
    )
    assert [s["notes"] for s in as_job_seeker] == ["Eerste gesprek."]
    with pytest.raises(PermissionDeniedError):
        services.mediation_withdraw(user=coach, mediation_id=mediation.pk, reason="x")


def test_withdrawal_needs_a_reason(job_seeker, trajectory):
    mediation = MediationFactory(trajectory=trajectory, appointed=True)
    user = job_seeker_login(job_seeker)
    with pytest.raises(InvalidInputError):
        services.mediation_withdraw(user=user, mediation_id=mediation.pk, reason=" ")
    mediation = services.mediation_withdraw(
        user=user, mediation_id=mediation.pk, reason="Opgelost."
    )
    assert mediation.status == Status.WITHDRAWN
