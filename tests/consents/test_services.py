"""RI5, TR4: giving, refusing, withdrawing and asking for consent; each change audited in
the job seeker's log; a withdrawal takes effect on the coach's next read."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from tests.factories import UserFactory, give_consent
from werkpad.consents import services
from werkpad.consents.models import Consent
from werkpad.consents.selectors import shared_parts
from werkpad.core.errors import (
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    StaleEditError,
)
from werkpad.core.lifecycle import TransitionRefusedError
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import Role
from werkpad.notifications.models import Notification
from werkpad.trajectories import services as trajectory_services
from werkpad.trajectories.handover import DEFAULT_FIELDS

pytestmark = pytest.mark.django_db


def consent_audits(job_seeker):
    return AuditEvent.objects.filter(
        job_seeker_id=job_seeker.pk, object_type="consent", purpose="consent change"
    )


def test_the_job_seeker_gives_unasked_and_withdraws_each_change_audited(seeker, provider):
    """RI5: on their own pages; each change in "who looked at my file"."""
    consent = services.consent_give(
        user=seeker.user,
        job_seeker_id=seeker.pk,
        recipient="provider",
        organisation_id=provider.organisation_id,
        part="work",
    )
    assert consent.status == "given" and consent.channel == "portal"
    assert shared_parts(
        job_seeker_id=seeker.pk, organisation_id=provider.organisation_id, recipient="provider"
    ) == frozenset({"work"})
    services.consent_withdraw(user=seeker.user, consent_id=consent.pk)
    consent.refresh_from_db()
    assert consent.status == "withdrawn" and consent.version == 2
    assert [
        (c.from_status, c.to_status, c.channel, c.changed_by) for c in consent.history.all()
    ] == [
        ("", "given", "portal", seeker.user),
        ("given", "withdrawn", "portal", seeker.user),
    ]
    assert consent_audits(seeker).count() == 2
    assert not shared_parts(
        job_seeker_id=seeker.pk, organisation_id=provider.organisation_id, recipient="provider"
    )


def test_the_caseworker_records_a_paper_consent_with_how_it_was_given(
    seeker, provider, caseworker, english
):
    """RI5: a consent given on paper or at the desk, recorded with the channel."""
    with pytest.raises(InvalidInputError) as refused:
        services.consent_give(
            user=caseworker,
            job_seeker_id=seeker.pk,
            recipient="provider",
            organisation_id=provider.organisation_id,
            part="health",
        )
    assert "channel" in refused.value.errors
    assert not Consent.objects.exists()
    consent = services.consent_give(
        user=caseworker,
        job_seeker_id=seeker.pk,
        recipient="provider",
        organisation_id=provider.organisation_id,
        part="health",
        channel="paper",
    )
    change = consent.history.get()
    assert (change.channel, change.changed_by) == ("paper", caseworker)
    event = consent_audits(seeker).get()
    assert event.actor == caseworker and "paper" in event.detail


@pytest.mark.django_db(transaction=True)
def test_asking_notifies_the_job_seeker_once_and_is_idempotent(
    seeker, provider, caseworker, tasks_backend, run_worker
):
    asked = services.consent_request(
        user=caseworker,
        job_seeker=seeker,
        recipient="provider",
        organisation=provider.organisation,
        parts=["health", "work"],
        reason="Voor uw traject.",
    )
    assert {c.status for c in asked} == {"requested"}
    again = services.consent_request(
        user=caseworker,
        job_seeker=seeker,
        recipient="provider",
        organisation=provider.organisation,
        parts=["health"],
        reason="Nog eens.",
    )
    assert [c.pk for c in again] == [asked[0].pk] and again[0].version == 1
    run_worker()
    assert Notification.objects.filter(recipient=seeker.user, topic="consent-request").count() == 1


def test_steps_out_of_turn_are_refused_and_change_nothing(seeker, provider, english):
    consent = give_consent(seeker, part="work", organisation=provider.organisation)
    with pytest.raises(TransitionRefusedError):
        services.consent_refuse(user=seeker.user, consent_id=consent.pk)
    with pytest.raises(TransitionRefusedError):
        services.consent_give(user=seeker.user, consent_id=consent.pk)
    with pytest.raises(StaleEditError):
        services.consent_withdraw(user=seeker.user, consent_id=consent.pk, expected_version=9)
    consent.refresh_from_db()
    assert consent.status == "given" and consent.version == 1
    assert not consent_audits(seeker).exists()


def test_health_never_goes_to_employers_and_the_organisation_must_fit(
    seeker, caseworker, zaandam, english
):
    with pytest.raises(InvalidInputError) as refused:
        services.consent_give(
            user=seeker.user, job_seeker_id=seeker.pk, recipient="employers", part="health"
        )
    assert "part" in refused.value.errors
    from tests.factories import ProviderFactory

    elsewhere = ProviderFactory(municipality=zaandam)
    with pytest.raises(InvalidInputError) as refused:
        services.consent_give(
            user=seeker.user,
            job_seeker_id=seeker.pk,
            recipient="provider",
            organisation_id=elsewhere.organisation_id,
            part="work",
        )
    assert "organisation" in refused.value.errors
    assert not Consent.objects.exists()


def test_others_cannot_answer_for_the_job_seeker(seeker, provider, coach, role_user, zaandam):
    consent = give_consent(seeker, part="work", organisation=provider.organisation)
    stranger = UserFactory.with_role(Role.CASEWORKER, municipality=zaandam)
    for user in (coach, stranger, role_user(Role.POLICY_OFFICER)):
        with pytest.raises(NotFoundError):
            services.consent_withdraw(user=user, consent_id=consent.pk, channel="phone")
    with pytest.raises(PermissionDeniedError):
        services.consent_request(
            user=coach,
            job_seeker=seeker,
            recipient="provider",
            organisation=provider.organisation,
            parts=["health"],
            reason="",
        )
    consent.refresh_from_db()
    assert consent.status == "given"


def test_the_referral_checkbox_asks_the_job_seeker(seeker, programme, caseworker):
    """TR4: the caseworker's checkbox at referral becomes a question the job seeker answers;
    the chosen parts are recorded as agreed at the desk."""
    seeker.phone, seeker.wishes, seeker.possibilities = "0612345678", "Zorg", "Fulltime"
    seeker.save()
    trajectory = trajectory_services.trajectory_refer(
        user=caseworker,
        job_seeker_id=seeker.pk,
        programme_id=programme.pk,
        reason="Past bij de wens.",
        handover_fields=[*DEFAULT_FIELDS, "limitations"],
        ask_health_consent=True,
    )
    organisation = trajectory.provider.organisation_id
    health = Consent.objects.get(job_seeker=seeker, part="health")
    assert (health.status, health.organisation_id) == ("requested", organisation)
    assert shared_parts(
        job_seeker_id=seeker.pk, organisation_id=organisation, recipient="provider"
    ) == frozenset({"work", "preferences", "circumstances"})
    assert set(
        Consent.objects.filter(status="given").values_list("history__channel", flat=True)
    ) == {"desk"}


@pytest.mark.parametrize("part", ["health", "preferences"])
def test_withdrawal_takes_effect_on_the_next_read(part, trajectory, coach, api):
    """RI5, TR4: the coach reads the part; the job seeker withdraws it; the coach's very
    next read (page and API) no longer contains it."""
    trajectory.progress_reports.create(
        progress="Gaat goed.", health_section="Rugklachten nemen af.", written_by=coach
    )
    value = "Kan niet lang staan." if part == "health" else "Werken in de zorg"
    page = Client()
    page.force_login(coach)
    url = reverse("trajectories:detail", args=[trajectory.pk])
    api_url = f"/api/v1/trajectories/{trajectory.pk}"
    api.as_user(coach)
    assert value in page.get(url).content.decode()
    assert value in api.get(api_url).content.decode()
    consent = Consent.objects.get(job_seeker=trajectory.job_seeker, part=part)
    services.consent_withdraw(user=trajectory.job_seeker.user, consent_id=consent.pk)
    html = page.get(url).content.decode()
    body = api.get(api_url).json()
    assert value not in html and value not in str(body)
    assert (
        escape(trajectory.job_seeker.last_name) in html
    )  # the basis stays: by law, not by consent
    if part == "health":
        assert "Rugklachten" not in html and body["healthConsent"] is False
        reports = api.get(f"/api/v1/trajectories/{trajectory.pk}/progress-reports").json()
        assert all(r["healthSection"] == "" for r in reports["results"])
    else:
        assert "wishes" not in body["handover"] and "phone" in body["handover"]
