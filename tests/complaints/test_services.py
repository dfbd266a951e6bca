"""Filing, routing, terms and the handler's steps (RI2, Awb chapter 9)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.complaints.conftest import NOW, TODAY, advance, file
from tests.factories import MunicipalitySettingsFactory
from werkpad.complaints import services
from werkpad.complaints.models import Channel, Complaint, ComplaintRoutingRule, Letter, Subject
from werkpad.complaints.workflow import Status
from werkpad.core.errors import ConflictError, InvalidInputError, PermissionDeniedError
from werkpad.core.lifecycle import TransitionRefusedError
from werkpad.core.models import AuditEvent, DissatisfactionRoute
from werkpad.core.permissions import Role

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW, tick=False)]


def test_a_job_seeker_files_about_the_municipality_and_it_goes_there(
    seeker_user, municipal_org, handler
):
    complaint = file(seeker_user, municipal_org)
    assert complaint.status == Status.RECEIVED
    assert complaint.routed_to == municipal_org
    assert complaint.channel == Channel.WEB
    assert complaint.complainant_name == "Ilse Timmerhuis-Oost"
    # 6 weeks from Monday 23 November 2026: Monday 4 January 2027.
    assert complaint.term_ends_on == complaint.original_term_ends_on == dt.date(2027, 1, 4)
    assert [h.to_status for h in complaint.history.all()] == ["received"]
    assert AuditEvent.objects.filter(object_type="complaint", action="create").count() == 1


def test_conduct_of_a_providers_coach_goes_to_the_provider_first(seeker_user, provider):
    complaint = file(seeker_user, provider.organisation, subject=Subject.PROVIDER_CONDUCT)
    assert complaint.routed_to == provider.organisation
    assert complaint.routed_by == Subject.PROVIDER_CONDUCT


def test_the_municipalitys_rule_can_send_it_to_the_municipality(
    seeker_user, provider, municipal_org, amsterdam
):
    ComplaintRoutingRule.objects.create(
        municipality=amsterdam, subject=Subject.PROVIDER_CONDUCT, handled_by="municipality"
    )
    complaint = file(seeker_user, provider.organisation, subject=Subject.PROVIDER_CONDUCT)
    assert complaint.routed_to == municipal_org


def test_the_trajectory_itself_goes_to_the_municipality(seeker_user, provider, municipal_org):
    complaint = file(seeker_user, provider.organisation, subject=Subject.TRAJECTORY)
    assert complaint.routed_to == municipal_org


def test_an_employers_complaint_always_goes_to_the_municipality(
    employer_user, municipal_org, provider
):
    complaint = file(employer_user, municipal_org, subject=Subject.EMPLOYER_SERVICE)
    assert complaint.routed_to == municipal_org
    assert complaint.employer_id is not None and complaint.job_seeker_id is None
    with pytest.raises(InvalidInputError) as refused:
        file(employer_user, provider.organisation, subject=Subject.PROVIDER_CONDUCT)
    assert "about" in refused.value.errors


def test_a_provider_the_job_seeker_has_no_trajectory_with_is_refused(seeker_user, amsterdam):
    from tests.factories import ProviderFactory

    stranger = ProviderFactory(municipality=amsterdam)
    with pytest.raises(InvalidInputError):
        file(seeker_user, stranger.organisation, subject=Subject.PROVIDER_CONDUCT)
    assert not Complaint.objects.exists()


def test_a_coach_complaint_must_be_about_a_provider(seeker_user, municipal_org):
    with pytest.raises(InvalidInputError) as refused:
        file(seeker_user, municipal_org, subject=Subject.PROVIDER_CONDUCT)
    assert "about" in refused.value.errors


def test_the_committee_term_applies_when_the_municipality_has_one(
    seeker_user, municipal_org, amsterdam
):
    MunicipalitySettingsFactory(municipality=amsterdam, uses_complaint_committee=True)
    complaint = file(seeker_user, municipal_org)
    # 10 weeks from 23 November 2026: Monday 1 February 2027.
    assert complaint.committee and complaint.term_ends_on == dt.date(2027, 2, 1)


def test_a_handler_files_on_someones_behalf_with_the_channel(handler, municipal_org):
    complaint = services.complaint_file(
        user=handler,
        filing=services.Filing(
            subject=Subject.MUNICIPALITY_CONDUCT,
            about_id=municipal_org.pk,
            description="Belde over een onvriendelijke medewerker aan de balie.",
            channel=Channel.PHONE,
            complainant_name="Piet Timmerhuis-Oost",
            received_on=dt.date(2026, 11, 20),
        ),
    )
    assert (complaint.channel, complaint.complainant_name, complaint.filed_by) == (
        Channel.PHONE,
        "Piet Timmerhuis-Oost",
        handler,
    )
    # 6 weeks from Friday 20 November: Friday 1 January 2027, New Year's Day -> Monday 4.
    assert complaint.term_ends_on == dt.date(2027, 1, 4)


def test_a_job_seeker_cannot_claim_another_channel(seeker_user, municipal_org):
    with pytest.raises(InvalidInputError) as refused:
        file(seeker_user, municipal_org, channel=Channel.PHONE)
    assert "channel" in refused.value.errors


def test_a_caseworker_files_nothing(caseworker, municipal_org):
    with pytest.raises(PermissionDeniedError):
        file(caseworker, municipal_org)


def test_the_whole_way_to_a_decision_with_letters(seeker_user, municipal_org, handler):
    complaint = advance(file(seeker_user, municipal_org), handler, "decided")
    assert complaint.status == Status.DECIDED
    assert complaint.handler == handler and complaint.acknowledged_on == TODAY
    assert complaint.outcome == "partly_founded" and complaint.decided_on == TODAY
    # 6 weeks to say one is not satisfied: Monday 4 January 2027.
    assert complaint.dissatisfaction_ends_on == dt.date(2027, 1, 4)
    assert sorted(complaint.letters.values_list("kind", flat=True)) == [
        Letter.Kind.ACKNOWLEDGEMENT,
        Letter.Kind.DECISION,
    ]
    assert [h.to_status for h in complaint.history.all()] == [
        "received",
        "acknowledged",
        "heard",
        "decided",
    ]


def test_deciding_before_the_hearing_is_refused(seeker_user, municipal_org, handler):
    complaint = advance(file(seeker_user, municipal_org), handler, "acknowledged")
    with pytest.raises(TransitionRefusedError) as refused:
        services.complaint_decide(
            user=handler, complaint_id=complaint.pk, outcome="founded", conclusions="x"
        )
    assert "9:10" in str(refused.value)
    complaint.refresh_from_db()
    assert complaint.status == Status.ACKNOWLEDGED and not complaint.outcome


def test_the_hearing_skipped_needs_a_reason_of_the_law(seeker_user, municipal_org, handler):
    complaint = advance(file(seeker_user, municipal_org), handler, "acknowledged")
    with pytest.raises(InvalidInputError):
        services.complaint_hear(user=handler, complaint_id=complaint.pk)
    with pytest.raises(InvalidInputError):
        services.complaint_hear(user=handler, complaint_id=complaint.pk, skipped="no_reason")
    services.complaint_hear(user=handler, complaint_id=complaint.pk, skipped="declined")
    complaint.refresh_from_db()
    assert complaint.status == Status.HEARD and complaint.hearing_skipped == "declined"


def test_postponing_once_by_at_most_four_weeks(seeker_user, municipal_org, handler):
    complaint = file(seeker_user, municipal_org)
    with pytest.raises(InvalidInputError) as too_long:
        services.complaint_postpone(
            user=handler, complaint_id=complaint.pk, weeks=5, reason="Getuige op vakantie."
        )
    assert too_long.value.codes == {"weeks": "complaint-postponement-too-long"}
    services.complaint_postpone(
        user=handler, complaint_id=complaint.pk, weeks=4, reason="Getuige op vakantie."
    )
    complaint.refresh_from_db()
    assert complaint.term_ends_on == dt.date(2027, 2, 1)
    assert complaint.original_term_ends_on == dt.date(2027, 1, 4)
    assert complaint.letters.filter(kind=Letter.Kind.POSTPONEMENT).count() == 1
    with pytest.raises(ConflictError) as again:
        services.complaint_postpone(
            user=handler, complaint_id=complaint.pk, weeks=1, reason="Nog een keer."
        )
    assert again.value.code == "complaint-postponed-already"


def test_not_satisfied_reopens_when_the_rules_say_so(
    seeker_user, municipal_org, handler, amsterdam
):
    MunicipalitySettingsFactory(
        municipality=amsterdam, complaint_dissatisfaction_route=DissatisfactionRoute.REOPEN
    )
    complaint = advance(file(seeker_user, municipal_org), handler, "decided")
    services.complaint_say_dissatisfied(
        user=seeker_user, complaint_id=complaint.pk, text="Er is niets veranderd."
    )
    services.complaint_follow_up(user=handler, complaint_id=complaint.pk)
    complaint.refresh_from_db()
    assert complaint.status == Status.REOPENED and complaint.follow_up == "reopened"
    assert complaint.term_ends_on == dt.date(2027, 1, 4)
    # handled again: heard and decided once more
    services.complaint_hear(user=handler, complaint_id=complaint.pk, skipped="declined")
    services.complaint_decide(
        user=handler, complaint_id=complaint.pk, outcome="founded", conclusions="Terecht."
    )
    assert complaint.letters.filter(kind=Letter.Kind.DECISION).count() == 2


def test_not_satisfied_points_to_the_ombudsman_by_default(seeker_user, municipal_org, handler):
    complaint = advance(file(seeker_user, municipal_org), handler, "decided")
    services.complaint_say_dissatisfied(
        user=seeker_user, complaint_id=complaint.pk, text="Ik ben het er niet mee eens."
    )
    services.complaint_follow_up(user=handler, complaint_id=complaint.pk)
    complaint.refresh_from_db()
    assert complaint.status == Status.REFERRED and complaint.follow_up == "ombudsman"


def test_not_satisfied_after_the_term_is_refused(seeker_user, municipal_org, handler):
    import time_machine

    complaint = advance(file(seeker_user, municipal_org), handler, "decided")
    with time_machine.travel(dt.date(2027, 1, 5)), pytest.raises(ConflictError) as late:
        services.complaint_say_dissatisfied(
            user=seeker_user, complaint_id=complaint.pk, text="Te laat."
        )
    assert late.value.code == "complaint-dissatisfaction-late"


def test_lessons_go_to_the_organisation_and_count_for_the_provider(
    seeker_user, provider, provider_handler
):
    from werkpad.complaints.selectors import lessons_count

    complaint = file(seeker_user, provider.organisation, subject=Subject.PROVIDER_CONDUCT)
    with pytest.raises(ConflictError):
        services.lesson_record(user=provider_handler, complaint_id=complaint.pk, text="Te vroeg")
    advance(complaint, provider_handler, "decided")
    services.lesson_record(
        user=provider_handler, complaint_id=complaint.pk, text="Coaches bellen terug."
    )
    assert lessons_count(organisation_id=provider.organisation_id) == 1


def test_the_routing_rules_are_the_functional_administrators(role_user, amsterdam, handler):
    admin = role_user(Role.FUNCTIONAL_ADMIN)
    services.routing_rule_set(
        user=admin, municipality_id=amsterdam.pk, subject="trajectory", handled_by="provider"
    )
    assert ComplaintRoutingRule.objects.get(subject="trajectory").handled_by == "provider"
    with pytest.raises(InvalidInputError):
        services.routing_rule_set(
            user=admin,
            municipality_id=amsterdam.pk,
            subject="employer_service",
            handled_by="provider",
        )
    with pytest.raises(PermissionDeniedError):
        services.routing_rule_set(
            user=handler, municipality_id=amsterdam.pk, subject="other", handled_by="provider"
        )
