"""The pages of advice requests (CO1): the list for both sides, the request with its term,
the advice written through the formset, the response per recommendation."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.access import page_client
from tests.council.advice.conftest import NOW
from tests.council.advice.factories import AdviceRequestFactory, recommendation_formset
from werkpad.council.advice.workflow import Status
from werkpad.council.models import AdviceRequest

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW, tick=False)]
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _no_second_factor(settings):
    settings.WERKPAD_STAFF_2FA = False


def test_the_list_shows_the_council_its_requests_with_the_term(member, council):
    AdviceRequestFactory(municipality=council.municipality, council=council, sent=True)
    AdviceRequestFactory(
        municipality=council.municipality,
        council=council,
        sent=True,
        title="Beleidsplan Participatie",
        due_on=dt.date(2026, 11, 20),
    )
    AdviceRequestFactory(
        municipality=council.municipality, council=council, title="Ontwerp-nota armoedebeleid"
    )
    page = page_client(member).get("/raad/adviezen/").content.decode()
    assert "Re-integratieverordening 2027" in page
    assert "Beleidsplan Participatie" in page
    assert "Ontwerp-nota armoedebeleid" not in page  # the municipality's draft
    assert "te laat" in page  # the overdue badge
    assert 'href="/raad/adviezen/"' in page  # the navigation


def test_the_list_filters_by_status(officer, council):
    AdviceRequestFactory(municipality=council.municipality, council=council, sent=True)
    AdviceRequestFactory(
        municipality=council.municipality, council=council, title="Ontwerp-nota armoedebeleid"
    )
    page = page_client(officer).get("/raad/adviezen/?status=draft").content.decode()
    assert "Ontwerp-nota armoedebeleid" in page and "Re-integratieverordening 2027" not in page


def test_the_detail_shows_days_left_and_overdue(member, council):
    waiting = AdviceRequestFactory(municipality=council.municipality, council=council, sent=True)
    late = AdviceRequestFactory(
        municipality=council.municipality, council=council, sent=True, due_on=dt.date(2026, 11, 20)
    )
    client = page_client(member)
    page = client.get(f"/raad/adviezen/{waiting.pk}/").content.decode()
    assert "02-12-2026" in page and "dagen over: 9" in page
    assert "Schrijf het advies" in page
    page = client.get(f"/raad/adviezen/{late.pk}/").content.decode()
    assert "dagen over de termijn: 3" in page


def test_the_policy_officer_makes_and_sends_a_request_with_a_document(officer, council):
    client = page_client(officer)
    response = client.post(
        "/raad/adviezen/nieuw/",
        {
            "kind": "regulation",
            "title": "Verordening loonkostensubsidie",
            "question": "Graag uw advies.",
            "decision_on": "2027-01-20",
            "file": SimpleUploadedFile("concept.pdf", PDF),
        },
    )
    assert response.status_code == 302
    request = AdviceRequest.objects.get()
    assert request.attachments.get().name == "concept.pdf"
    client.post(f"/raad/adviezen/{request.pk}/versturen/")
    request.refresh_from_db()
    assert request.status == Status.SENT and request.consulted_in_time is True
    download = client.get(f"/raad/adviezen/{request.pk}/documenten/{request.attachments.get().pk}/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF


def test_a_form_with_errors_answers_400_and_keeps_nothing(officer, council):
    response = page_client(officer).post(
        "/raad/adviezen/nieuw/",
        {"kind": "regulation", "title": "", "question": "x", "decision_on": "2026-01-01"},
    )
    assert response.status_code == 400
    assert not AdviceRequest.objects.exists()


def test_the_council_writes_a_draft_then_sends_the_advice(member, council):
    request = AdviceRequestFactory(municipality=council.municipality, council=council, sent=True)
    client = page_client(member)
    form = client.get(f"/raad/adviezen/{request.pk}/advies/").content.decode()
    assert 'name="rec-0-text"' in form and 'name="rec-2-text"' in form
    client.post(
        f"/raad/adviezen/{request.pk}/advies/",
        {
            "introduction": "Concept.",
            **recommendation_formset([("Twee weken.", "Eén is kort."), ("", "")]),
        },
    )
    request.refresh_from_db()
    assert request.status == Status.SENT and request.recommendations.count() == 1
    form = client.get(f"/raad/adviezen/{request.pk}/advies/").content.decode()
    assert "Twee weken." in form  # the draft comes back in the form
    client.post(
        f"/raad/adviezen/{request.pk}/advies/",
        {
            "version": str(request.version),
            "introduction": "Definitief.",
            **recommendation_formset([("Twee weken.", "Eén is kort.")]),
            "send": "1",
        },
    )
    request.refresh_from_db()
    assert request.status == Status.ADVISED and request.advice_introduction == "Definitief."


def test_a_response_without_reasons_is_refused_at_its_field(officer, council):
    request = AdviceRequestFactory(municipality=council.municipality, council=council, advised=True)
    client = page_client(officer)
    response = client.post(
        f"/raad/adviezen/{request.pk}/reactie/",
        {"letter": "Dank.", "response_1": "adopted", "response_2": "not"},
    )
    assert response.status_code == 400
    assert 'id="id_response_2_error"' in response.content.decode()
    request.refresh_from_db()
    assert request.status == Status.ADVISED
    response = client.post(
        f"/raad/adviezen/{request.pk}/reactie/",
        {"letter": "Dank.", "response_1": "adopted", "response_2": "not", "reasons_2": "Geld."},
    )
    assert response.status_code == 302
    page = client.get(f"/raad/adviezen/{request.pk}/").content.decode()
    assert "Niet overgenomen" in page and "Geld." in page


def test_unasked_advice_from_the_page(member, council):
    client = page_client(member)
    response = client.post(
        "/raad/adviezen/ongevraagd/",
        {
            "kind": "other",
            "title": "Bereikbaarheid Werkplein",
            "introduction": "Uit eigen beweging.",
            **recommendation_formset([("Langer open.", "")]),
            "send": "1",
        },
    )
    assert response.status_code == 302
    advice = AdviceRequest.objects.get()
    assert advice.unasked and advice.status == Status.ADVISED


def test_a_refused_step_returns_to_the_page_with_its_reason(officer, council):
    request = AdviceRequestFactory(municipality=council.municipality, council=council, sent=True)
    response = page_client(officer).post(f"/raad/adviezen/{request.pk}/versturen/", follow=True)
    assert response.status_code == 200
    assert "wp-alert--error" in response.content.decode()
