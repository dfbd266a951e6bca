"""Advice requests (CO1): the lifecycle, the term, consulting in time, late advice, the
response per recommendation, unasked advice, documents, a longer term, notifications."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.council.advice.conftest import AMSTERDAM, NOW
from tests.council.advice.factories import AdviceRequestFactory
from werkpad.core.errors import (
    ConflictError,
    DomainError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
)
from werkpad.core.lifecycle import TransitionRefusedError
from werkpad.core.models import AuditEvent, MunicipalitySettings
from werkpad.council.advice import services
from werkpad.council.advice.services import RecommendationInput, ResponseInput
from werkpad.council.advice.workflow import ALLOWED_TRANSITIONS, LIFECYCLE, Status
from werkpad.council.models import AdviceAttachment, AdviceRequest, Recommendation
from werkpad.documents.models import document_storage
from werkpad.notifications.models import Notification

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW, tick=False)]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _create(officer, **overrides):
    values = {
        "kind": AdviceRequest.Kind.POLICY_PLAN,
        "title": "Beleidsplan Participatie 2027-2030",
        "question": "Wat vindt de raad van het plan?",
        "decision_on": dt.date(2027, 1, 15),
    } | overrides
    return services.advice_request_create(user=officer, **values)


# --- the lifecycle as a table -----------------------------------------------------------


@pytest.mark.parametrize(
    ("current", "target", "allowed"),
    [
        (Status.DRAFT, Status.SENT, True),
        (Status.DRAFT, Status.ADVISED, True),  # unasked advice only (services)
        (Status.DRAFT, Status.WITHDRAWN, True),
        (Status.DRAFT, Status.ANSWERED, False),
        (Status.SENT, Status.ADVISED, True),
        (Status.SENT, Status.WITHDRAWN, True),
        (Status.SENT, Status.ANSWERED, False),
        (Status.ADVISED, Status.ANSWERED, True),
        (Status.ADVISED, Status.WITHDRAWN, False),
        (Status.ANSWERED, Status.SENT, False),
        (Status.WITHDRAWN, Status.SENT, False),
    ],
)
def test_the_lifecycle_table(current, target, allowed):
    assert LIFECYCLE.allows(current, target) is allowed
    assert set(ALLOWED_TRANSITIONS) == set(Status.values)


def test_a_request_is_made_as_a_draft_with_its_history_and_audit(officer, council):
    request = _create(officer)
    assert request.status == Status.DRAFT
    assert request.council == council
    assert [h.to_status for h in request.history.all()] == [Status.DRAFT]
    assert AuditEvent.objects.filter(
        object_type="advice request", object_id=str(request.pk), action="create"
    ).exists()


def test_a_request_needs_its_subject_question_and_a_future_decision_date(officer, council):
    with pytest.raises(InvalidInputError) as refused:
        _create(officer, title=" ", question="", decision_on=None)
    assert set(refused.value.errors) == {"title", "question", "decision_on"}
    with pytest.raises(InvalidInputError) as refused:
        _create(officer, decision_on=dt.date(2026, 11, 1))
    assert "decision_on" in refused.value.errors
    assert not AdviceRequest.objects.exists()


def test_only_a_policy_officer_makes_a_request(member, council):
    with pytest.raises(PermissionDeniedError):
        _create(member)


# --- the term and consulting in time -----------------------------------------------------


def test_sending_starts_the_term_of_the_municipality_setting(officer, council):
    request = _create(officer)
    sent = services.advice_request_send(user=officer, request_id=request.pk)
    assert sent.status == Status.SENT
    assert sent.sent_at == NOW
    assert sent.term_days == 14
    assert sent.due_on == dt.date(2026, 12, 7)  # Monday 23 November + 14 days
    assert sent.consulted_in_time is True
    assert sent.days_left() == 14


def test_the_term_follows_the_setting(officer, council, amsterdam):
    MunicipalitySettings.objects.create(municipality=amsterdam, council_advice_days=21)
    request = services.advice_request_send(user=officer, request_id=_create(officer).pk)
    assert (request.term_days, request.due_on) == (21, dt.date(2026, 12, 14))


def test_a_term_ending_on_a_holiday_and_weekend_moves_to_the_next_working_day(officer, council):
    request = _create(officer, decision_on=dt.date(2027, 3, 1))
    # Friday 11 December + 14 days = Christmas Day; Boxing Day is a Saturday.
    with time_machine.travel(dt.datetime(2026, 12, 11, 9, tzinfo=AMSTERDAM), tick=False):
        sent = services.advice_request_send(user=officer, request_id=request.pk)
    assert sent.due_on == dt.date(2026, 12, 28)


@pytest.mark.parametrize(
    ("decision_on", "in_time"),
    [(dt.date(2026, 12, 28), True), (dt.date(2026, 12, 25), False)],
)
def test_in_time_counts_to_the_due_date_the_holidays_moved(officer, council, decision_on, in_time):
    # Fourteen days from Friday 11 December end on Christmas Day: the council has until
    # Monday 28 December, so a decision on the 25th leaves it less than its term.
    request = _create(officer, decision_on=decision_on)
    with time_machine.travel(dt.datetime(2026, 12, 11, 9, tzinfo=AMSTERDAM), tick=False):
        sent = services.advice_request_send(user=officer, request_id=request.pk)
    assert sent.consulted_in_time is in_time


@pytest.mark.parametrize(
    ("decision_on", "in_time"),
    [
        (dt.date(2026, 12, 7), True),  # exactly the 14 days left
        (dt.date(2026, 12, 6), False),  # one day short
        (dt.date(2026, 11, 24), False),
    ],
)
def test_consulted_in_time_means_at_least_the_term_before_the_decision(
    officer, council, decision_on, in_time
):
    request = _create(officer, decision_on=decision_on)
    sent = services.advice_request_send(user=officer, request_id=request.pk)
    assert sent.consulted_in_time is in_time


def test_a_sent_request_is_not_sent_again_and_a_stale_version_is_refused(officer, council):
    request = _create(officer)
    with pytest.raises(ConflictError):
        services.advice_request_send(user=officer, request_id=request.pk, expected_version=9)
    services.advice_request_send(user=officer, request_id=request.pk)
    with pytest.raises(TransitionRefusedError):
        services.advice_request_send(user=officer, request_id=request.pk)


def test_withdrawing_needs_the_reason(officer, council):
    request = AdviceRequestFactory(municipality=council.municipality, sent=True)
    with pytest.raises(InvalidInputError):
        services.advice_request_withdraw(user=officer, request_id=request.pk, reason=" ")
    done = services.advice_request_withdraw(
        user=officer, request_id=request.pk, reason="Het voorstel is ingetrokken."
    )
    assert done.status == Status.WITHDRAWN
    assert done.history.last().reason == "Het voorstel is ingetrokken."


# --- the council's advice -----------------------------------------------------------------

RECOMMENDATIONS = [
    RecommendationInput("De klant krijgt twee weken de tijd.", "Eén week is erg kort."),
    RecommendationInput("Goede en aanhoudende publiciteit.", ""),
    RecommendationInput("", ""),  # an empty row is skipped
]


def test_the_council_saves_a_draft_then_sends_its_advice_in_time(member, council):
    request = AdviceRequestFactory(municipality=council.municipality, sent=True)
    saved = services.advice_save(
        user=member,
        request_id=request.pk,
        introduction="Inleiding.",
        recommendations=RECOMMENDATIONS,
    )
    assert saved.status == Status.SENT
    assert [(r.number, r.text) for r in saved.recommendations.all()] == [
        (1, "De klant krijgt twee weken de tijd."),
        (2, "Goede en aanhoudende publiciteit."),
    ]
    sent = services.advice_save(
        user=member,
        request_id=request.pk,
        introduction="Inleiding.",
        recommendations=RECOMMENDATIONS[:1],
        send=True,
    )
    assert sent.status == Status.ADVISED
    assert sent.advised_at == NOW and sent.advised_by == member
    assert sent.advised_late is False
    assert sent.recommendations.count() == 1


def test_advice_after_the_due_date_is_late(member, council):
    request = AdviceRequestFactory(municipality=council.municipality, sent=True)
    with time_machine.travel(dt.datetime(2026, 12, 3, 9, tzinfo=AMSTERDAM), tick=False):
        sent = services.advice_save(
            user=member,
            request_id=request.pk,
            introduction="",
            recommendations=RECOMMENDATIONS[:1],
            send=True,
        )
    assert sent.advised_late is True


def test_a_recommendation_needs_its_text_and_empty_advice_is_not_sent(member, council):
    request = AdviceRequestFactory(municipality=council.municipality, sent=True)
    with pytest.raises(InvalidInputError):
        services.advice_save(
            user=member,
            request_id=request.pk,
            introduction="",
            recommendations=[RecommendationInput("", "Alleen toelichting.")],
        )
    with pytest.raises(InvalidInputError):
        services.advice_save(
            user=member, request_id=request.pk, introduction="", recommendations=[], send=True
        )
    assert AdviceRequest.objects.get(pk=request.pk).status == Status.SENT


def test_the_municipality_cannot_advise_and_a_neighbour_does_not_see_it(
    officer, other_member, council
):
    request = AdviceRequestFactory(municipality=council.municipality, sent=True)
    with pytest.raises(PermissionDeniedError):
        services.advice_save(
            user=officer, request_id=request.pk, introduction="x", recommendations=[]
        )
    with pytest.raises(NotFoundError):
        services.advice_save(
            user=other_member, request_id=request.pk, introduction="x", recommendations=[]
        )


def test_the_council_does_not_see_a_draft_request(member, council):
    request = AdviceRequestFactory(municipality=council.municipality)
    with pytest.raises(NotFoundError):
        services.advice_save(
            user=member, request_id=request.pk, introduction="x", recommendations=[]
        )


# --- the response ---------------------------------------------------------------------------


def test_the_response_answers_every_recommendation_with_reasons_when_not_in_full(officer, council):
    request = AdviceRequestFactory(municipality=council.municipality, advised=True)
    with pytest.raises(InvalidInputError) as refused:
        services.advice_respond(
            user=officer,
            request_id=request.pk,
            letter="Brief.",
            responses={1: ResponseInput(Recommendation.Response.PARTLY, " ")},
        )
    assert set(refused.value.errors) == {"recommendation_1", "recommendation_2"}
    done = services.advice_respond(
        user=officer,
        request_id=request.pk,
        letter="Wij danken de raad.",
        responses={
            1: ResponseInput(Recommendation.Response.ADOPTED),
            2: ResponseInput(Recommendation.Response.NOT_ADOPTED, "Past niet in het budget."),
        },
    )
    assert done.status == Status.ANSWERED
    assert done.answered_at == NOW
    assert [(r.response, r.response_reasons) for r in done.recommendations.all()] == [
        ("adopted", ""),
        ("not", "Past niet in het budget."),
    ]


def test_no_response_before_the_advice(officer, council):
    request = AdviceRequestFactory(municipality=council.municipality, sent=True)
    with pytest.raises(TransitionRefusedError):
        services.advice_respond(user=officer, request_id=request.pk, letter="x", responses={})


# --- unasked advice -------------------------------------------------------------------------


def test_unasked_advice_has_no_term_and_goes_straight_to_advised(member, officer, council):
    advice = services.unasked_advice_create(
        user=member,
        kind=AdviceRequest.Kind.OTHER,
        title="Bereikbaarheid van het Werkplein",
        introduction="Uit eigen beweging.",
        recommendations=RECOMMENDATIONS[:2],
        send=True,
    )
    assert advice.unasked and advice.status == Status.ADVISED
    assert advice.due_on is None and advice.decision_on is None
    assert advice.advised_late is False
    with pytest.raises(ConflictError):
        services.advice_request_send(user=officer, request_id=advice.pk)
    done = services.advice_respond(
        user=officer,
        request_id=advice.pk,
        letter="Dank.",
        responses={
            1: ResponseInput(Recommendation.Response.ADOPTED),
            2: ResponseInput(Recommendation.Response.ADOPTED),
        },
    )
    assert done.status == Status.ANSWERED


def test_unasked_advice_kept_as_a_draft_is_the_councils_alone(member, officer, council):
    draft = services.unasked_advice_create(
        user=member,
        kind=AdviceRequest.Kind.OTHER,
        title="Bereikbaarheid",
        introduction="Concept.",
        recommendations=[],
    )
    assert draft.status == Status.DRAFT
    with pytest.raises(NotFoundError):
        services.advice_respond(user=officer, request_id=draft.pk, letter="x", responses={})
    sent = services.advice_save(
        user=member, request_id=draft.pk, introduction="Definitief.", recommendations=[], send=True
    )
    assert sent.status == Status.ADVISED


def test_only_a_council_member_gives_unasked_advice(officer, council):
    with pytest.raises(PermissionDeniedError):
        services.unasked_advice_create(
            user=officer, kind="other", title="x", introduction="y", recommendations=[]
        )


# --- documents ------------------------------------------------------------------------------


def test_a_pdf_is_attached_and_stored(officer, council):
    request = _create(officer, files=[SimpleUploadedFile("plan.pdf", PDF)])
    attachment = request.attachments.get()
    assert (attachment.name, attachment.content_type, attachment.size) == (
        "plan.pdf",
        "application/pdf",
        len(PDF),
    )
    with document_storage().open(attachment.file.name, "rb") as stored:
        assert stored.read() == PDF


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("plan.pdf", b"not a pdf at all"),  # the content is not what the name says
        ("foto.png", b"\x89PNG\r\n\x1a\n" + b"0" * 20),  # a kind a request does not carry
        ("leeg.pdf", b""),
    ],
)
def test_attachments_are_validated(officer, council, name, content):
    request = _create(officer)
    with pytest.raises(DomainError) as refused:
        services.attachment_add(
            user=officer, request_id=request.pk, upload=SimpleUploadedFile(name, content)
        )
    assert refused.value.status in (400, 415)
    assert not AdviceAttachment.objects.exists()


def test_attachments_over_the_size_limit_are_refused(officer, council, settings):
    settings.WERKPAD_DOCUMENT_MAX_BYTES = 20
    request = _create(officer)
    with pytest.raises(DomainError) as refused:
        services.attachment_add(
            user=officer, request_id=request.pk, upload=SimpleUploadedFile("plan.pdf", PDF)
        )
    assert refused.value.status == 413


def test_no_attachment_after_the_advice(officer, council):
    request = AdviceRequestFactory(municipality=council.municipality, advised=True)
    with pytest.raises(ConflictError):
        services.attachment_add(
            user=officer, request_id=request.pk, upload=SimpleUploadedFile("plan.pdf", PDF)
        )


# --- a longer term --------------------------------------------------------------------------


def test_a_longer_term_asked_and_granted_moves_the_due_date_not_the_in_time_record(
    member, officer, council
):
    request = AdviceRequestFactory(municipality=council.municipality, sent=True)
    with pytest.raises(InvalidInputError):
        services.extension_request(
            user=member, request_id=request.pk, until=dt.date(2026, 12, 1), reason="Vergadering."
        )
    services.extension_request(
        user=member, request_id=request.pk, until=dt.date(2026, 12, 16), reason="Vergadering."
    )
    with pytest.raises(ConflictError):
        services.extension_request(
            user=member, request_id=request.pk, until=dt.date(2026, 12, 17), reason="Nog eens."
        )
    with pytest.raises(PermissionDeniedError):
        services.extension_decide(user=member, request_id=request.pk, granted=True)
    extension = services.extension_decide(user=officer, request_id=request.pk, granted=True)
    request.refresh_from_db()
    assert extension.granted and extension.previous_due_on == dt.date(2026, 12, 2)
    assert request.due_on == dt.date(2026, 12, 16)
    assert request.consulted_in_time is True


def test_a_refused_longer_term_keeps_the_due_date(member, officer, council):
    request = AdviceRequestFactory(municipality=council.municipality, sent=True)
    services.extension_request(
        user=member, request_id=request.pk, until=dt.date(2026, 12, 16), reason="Vergadering."
    )
    extension = services.extension_decide(user=officer, request_id=request.pk, granted=False)
    request.refresh_from_db()
    assert extension.granted is False
    assert request.due_on == dt.date(2026, 12, 2)
    with pytest.raises(ConflictError):
        services.extension_decide(user=officer, request_id=request.pk, granted=True)


# --- notifications --------------------------------------------------------------------------


def test_each_side_hears_of_the_others_step(
    officer, member, council, django_capture_on_commit_callbacks, run_worker
):
    request = _create(officer)
    with django_capture_on_commit_callbacks(execute=True):
        services.advice_request_send(user=officer, request_id=request.pk)
    with django_capture_on_commit_callbacks(execute=True):
        services.advice_save(
            user=member,
            request_id=request.pk,
            introduction="Advies.",
            recommendations=RECOMMENDATIONS[:1],
            send=True,
        )
    with django_capture_on_commit_callbacks(execute=True):
        services.advice_respond(
            user=officer,
            request_id=request.pk,
            letter="Dank.",
            responses={1: ResponseInput(Recommendation.Response.ADOPTED)},
        )
    run_worker()
    assert set(Notification.objects.values_list("recipient__username", "topic")) == {
        ("raadslid", "council-advice-request"),
        ("beleid", "council-advice"),
        ("raadslid", "council-advice-response"),
    }
