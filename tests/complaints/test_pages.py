"""The complaint pages: filing with the route shown first, the handler's steps, the
letters as PDF, the yearly overview with its downloads, the worklist and notifications."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.test import Client
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.complaints.conftest import NOW, TODAY, advance, file
from tests.factories import UserFactory
from werkpad.complaints import services
from werkpad.complaints.letters import letter_pdf
from werkpad.complaints.models import Complaint, Letter, Subject
from werkpad.complaints.workflow import Status
from werkpad.core.models import AuditEvent, Organisation
from werkpad.core.permissions import Role

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW, tick=False)]


def login(user):
    client = Client()
    client.force_login(user)
    return client


def pdf_text(data: bytes) -> str:
    assert data.startswith(b"%PDF")
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_the_job_seeker_sees_who_handles_it_before_sending(seeker_user, provider, handler):
    client = login(seeker_user)
    page = client.get("/mijn/klachten/nieuw/")
    assert page.status_code == 200
    assert "Werkbrug Timmerhuis" in page.content.decode()
    data = {
        "subject": Subject.PROVIDER_CONDUCT,
        "about": provider.organisation_id,
        "description": "Mijn coach kwam twee keer niet opdagen.",
    }
    preview = client.post("/mijn/klachten/nieuw/", data)
    assert preview.status_code == 200
    assert 'id="route"' in preview.content.decode()
    assert not Complaint.objects.exists(), "the first step only shows the route"
    sent = client.post("/mijn/klachten/nieuw/", {**data, "confirm": "1"})
    complaint = Complaint.objects.get()
    assert sent.status_code == 302 and sent["Location"] == f"/mijn/klachten/{complaint.pk}/"
    assert complaint.routed_to == provider.organisation
    detail = client.get(sent["Location"]).content.decode()
    assert "Werkbrug Timmerhuis" in detail and 'id="handled-by"' in detail


def test_a_form_with_errors_saves_nothing(seeker_user, municipal_org):
    response = login(seeker_user).post(
        "/mijn/klachten/nieuw/",
        {"subject": "other", "about": municipal_org.pk, "description": "", "confirm": "1"},
    )
    assert response.status_code == 400
    assert not Complaint.objects.exists()


def test_the_handler_works_it_through_the_pages(seeker_user, municipal_org, handler):
    complaint = file(seeker_user, municipal_org)
    client = login(handler)
    assert (
        client.post(f"/klachten/{complaint.pk}/stap/acknowledge/", {"version": 1}).status_code
        == 302
    )
    refused = client.post(
        f"/klachten/{complaint.pk}/stap/postpone/", {"version": 2, "weeks": 5, "reason": "x"}
    )
    assert refused.status_code == 400
    client.post(f"/klachten/{complaint.pk}/stap/hear/", {"version": 2, "held_on": "2026-11-23"})
    early = client.post(f"/klachten/{complaint.pk}/stap/lesson/", {"text": "Nog niet beslist."})
    assert early.status_code == 409
    client.post(
        f"/klachten/{complaint.pk}/stap/decide/",
        {"version": 3, "outcome": "founded", "conclusions": "De klacht is terecht."},
    )
    complaint.refresh_from_db()
    assert complaint.status == Status.DECIDED and complaint.outcome == "founded"
    page = login(seeker_user).get(f"/mijn/klachten/{complaint.pk}/").content.decode()
    assert 'id="decision"' in page and "De klacht is terecht." in page
    assert 'id="not-satisfied"' in page


def test_the_letters_are_pdfs_with_what_the_complainant_must_read(
    seeker_user, municipal_org, handler
):
    complaint = advance(file(seeker_user, municipal_org), handler, "acknowledged")
    services.complaint_postpone(
        user=handler, complaint_id=complaint.pk, weeks=2, reason="Een getuige is ziek."
    )
    services.complaint_hear(user=handler, complaint_id=complaint.pk, skipped="declined")
    services.complaint_decide(
        user=handler,
        complaint_id=complaint.pk,
        outcome="unfounded",
        conclusions="Er zijn geen afspraken verzet.",
    )
    letters = {letter.kind: letter for letter in Letter.objects.filter(complaint=complaint)}
    ack = pdf_text(letter_pdf(letters["acknowledgement"]))
    assert "Wij hebben uw klacht ontvangen" in ack and "4 januari 2027" in ack
    assert municipal_org.name in ack
    later = pdf_text(letter_pdf(letters["postponement"]))
    assert "18 januari 2027" in later and "Een getuige is ziek." in later
    decision = pdf_text(letter_pdf(letters["decision"]))
    assert "ongegrond" in decision and "Er zijn geen afspraken verzet." in decision
    assert "Nationale ombudsman" in decision
    response = login(seeker_user).get(f"/klachten/{complaint.pk}/brieven/decision/")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert AuditEvent.objects.filter(purpose=AuditEvent.Purpose.COMPLAINT_LETTER).count() == 1


def test_the_handler_list_is_overdue_first_in_few_queries(
    seeker_user, municipal_org, handler, django_assert_max_num_queries
):
    import time_machine

    with time_machine.travel(dt.datetime(2026, 9, 1, 10), tick=False):
        old = file(seeker_user, municipal_org)
    for _ in range(4):
        file(seeker_user, municipal_org)
    client = login(handler)
    with django_assert_max_num_queries(14):
        page = client.get("/klachten/")
    body = page.content.decode()
    assert body.index(old.reference) < body.index(Complaint.objects.last().reference)
    overdue = client.get("/klachten/?status=open&overdue=true").content.decode()
    assert old.reference in overdue and Complaint.objects.last().reference not in overdue


def test_the_yearly_overview_counts_and_downloads(
    seeker_user, municipal_org, handler, provider, provider_handler, role_user
):
    advance(file(seeker_user, municipal_org), handler, "decided")
    file(seeker_user, provider.organisation, subject=Subject.PROVIDER_CONDUCT)
    file(seeker_user, municipal_org, subject=Subject.OTHER)
    officer = role_user(Role.POLICY_OFFICER)
    client = login(officer)
    page = client.get("/klachten/jaaroverzicht/?jaar=2026")
    assert page.status_code == 200
    data = page.context["data"]
    assert (data.total, data.decided, data.within_term, data.late) == (3, 1, 1, 0)
    assert data.by_subject == {"municipality_conduct": 1, "provider_conduct": 1, "other": 1}
    assert data.by_outcome == {"partly_founded": 1}
    assert data.by_handler == {municipal_org.name: 2, provider.organisation.name: 1}
    assert page.context["table"][0].count == 3
    lines = list(
        csv.reader(
            io.StringIO(
                client.get("/klachten/jaaroverzicht/?jaar=2026&formaat=csv").content.decode()
            )
        )
    )
    assert lines[1][2] == "3" and len(lines) == len(page.context["table"]) + 1
    book = load_workbook(
        io.BytesIO(client.get("/klachten/jaaroverzicht/?jaar=2026&formaat=xlsx").content)
    )
    values = [tuple(row) for row in book.active.iter_rows(values_only=True)]
    assert values[1][2] == 3 and len(values) == len(lines)
    empty = client.get("/klachten/jaaroverzicht/?jaar=2025").context["table"]
    assert {r.count for r in empty[:6]} == {0}


def test_the_council_reads_no_small_numbers(seeker_user, municipal_org, role_user, settings):
    settings.WERKPAD_MIN_CELL = 10
    for _ in range(3):
        file(seeker_user, municipal_org)
    council = role_user(Role.COUNCIL_MEMBER)
    page = login(council).get("/klachten/jaaroverzicht/?jaar=2026")
    assert page.context["table"][0].count is None
    assert "3" not in [r.shown for r in page.context["table"]]


def test_the_handlers_worklist(seeker_user, municipal_org, handler):
    import time_machine

    with time_machine.travel(dt.datetime(2026, 9, 1, 10), tick=False):
        old = file(seeker_user, municipal_org)
    new = file(seeker_user, municipal_org)
    advance(new, handler, "decided")
    services.complaint_say_dissatisfied(user=seeker_user, complaint_id=new.pk, text="Nee.")
    from werkpad.core.worklist import worklist_for

    sections = {s.key: s for s in worklist_for(handler)}
    assert sections["complaints-open"].count == 1
    first = sections["complaints-open"].items[0]
    assert first.overdue and old.reference in str(first.title)
    assert sections["complaints-acknowledge"].count == 1
    assert sections["complaints-dissatisfied"].count == 1
    page = login(handler).get("/").content.decode()
    assert old.reference in page


def test_the_terms_notify_the_handler(seeker_user, municipal_org, handler, provider_handler):
    from werkpad.complaints.notifications import complaint_terms

    complaint = file(seeker_user, municipal_org)
    terms = list(
        complaint_terms(
            municipality_id=complaint.municipality_id,
            since=TODAY,
            until=complaint.term_ends_on,
        )
    )
    assert [(t.recipient_id, t.object_id) for t in terms] == [(handler.pk, complaint.pk)]
    advance(complaint, handler, "acknowledged")
    other = UserFactory.with_role(
        Role.COMPLAINT_HANDLER,
        organisation=Organisation.objects.get(pk=municipal_org.pk),
    )
    terms = list(
        complaint_terms(
            municipality_id=complaint.municipality_id, since=TODAY, until=complaint.term_ends_on
        )
    )
    assert [t.recipient_id for t in terms] == [handler.pk], "the one who took it on"
    assert other.pk not in [t.recipient_id for t in terms]


def test_the_complainant_is_notified_of_the_letters(
    seeker_user, municipal_org, handler, monkeypatch
):
    from werkpad.complaints import notifications

    sent = []
    monkeypatch.setattr(
        notifications,
        "notify",
        lambda **kwargs: sent.append((kwargs["recipient_id"], kwargs["topic"])),
    )
    advance(file(seeker_user, municipal_org), handler, "decided")
    assert sent == [
        (handler.pk, "complaint"),
        (seeker_user.pk, "complaint-acknowledged"),
        (seeker_user.pk, "complaint-decided"),
    ]
