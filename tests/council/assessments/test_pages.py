"""The assessment pages (CO3): answering point by point with werkpad's evidence, the
progress, the list with what the region shared, the comparison and the overview."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.council.assessments.conftest import NOW
from tests.council.assessments.factories import AnswerFactory, AssessmentFactory
from werkpad.council import evidence as evidence_module
from werkpad.council.evidence import Context, Evidence, Figure
from werkpad.council.models.assessments import Answer

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW, tick=False)]
BASE = "/raad/beoordelingen"


@pytest.fixture
def member_client(client, councils, settings):
    settings.WERKPAD_STAFF_2FA = False
    client.force_login(councils.member)
    return client


@pytest.fixture
def registered(monkeypatch):
    monkeypatch.setattr(evidence_module, "_REGISTRY", {})

    @evidence_module.evidence("2.1")
    def composition(context: Context) -> Evidence:
        return Evidence(
            question_id="2.1",
            summary="412 werkzoekenden in het bestand.",
            method="Open dossiers op de peildatum.",
            computed_at=context.now,
            figures=(
                Figure("Werkzoekenden", "412"),
                Figure("Zonder startkwalificatie", "<10", True),
            ),
        )


def test_a_member_starts_an_assessment_and_lands_on_point_1(member_client, councils):
    response = member_client.post(f"{BASE}/nieuw/", {"title": "Beoordeling 2026"})
    assert response.status_code == 302
    assert response["Location"].endswith("/punt/1/")
    page = member_client.get(response["Location"])
    assert "Aandachtspunt 1" in page.content.decode()
    assert "0 van 56 beantwoord" in page.content.decode()


def test_the_point_page_shows_the_evidence_or_says_there_is_none(
    member_client, councils, registered
):
    assessment = AssessmentFactory(council=councils.own)
    html = member_client.get(f"{BASE}/{assessment.pk}/punt/2/").content.decode()
    assert "412 werkzoekenden in het bestand." in html
    assert "Werkzoekenden: 412" in html
    assert "afgeschermd (te weinig personen)" in html
    # 2.2 and 2.3: werkpad cannot inform them
    assert html.count("werkpad heeft hierover geen gegevens") == 2
    assert "Hoofdstuk 2 van het werkboek: Informatie over het werkzoekendenbestand" in html
    assert "Opmerkingen/vragen richting gemeente" in html


def test_saving_a_point_keeps_the_draft_and_the_progress(member_client, councils, registered):
    assessment = AssessmentFactory(council=councils.own)
    response = member_client.post(
        f"{BASE}/{assessment.pk}/punt/2/",
        {
            "version": "1",
            "answer_2.1": "yes",
            "text_2.1": "Actueel beeld.",
            "answer_2.2": "no",
            "text_2.2": "Vragen aan de wethouder.",
            "answer_2.3": "none-yet",
            "next": "1",
        },
    )
    assert response.status_code == 302 and response["Location"].endswith("/punt/3/")
    saved = {a.question_id: a for a in Answer.objects.filter(assessment=assessment)}
    assert saved["2.1"].evidence_snapshot["summary"] == "412 werkzoekenden in het bestand."
    assert saved["2.2"].remarks == "Vragen aan de wethouder."
    html = member_client.get(f"{BASE}/{assessment.pk}/punt/3/").content.decode()
    assert "2 van 56 beantwoord" in html


def test_the_action_points_of_15_1_are_saved_as_action_points(member_client, councils):
    assessment = AssessmentFactory(council=councils.own)
    html = member_client.get(f"{BASE}/{assessment.pk}/punt/15/").content.decode()
    assert "Actiepunten" in html
    member_client.post(
        f"{BASE}/{assessment.pk}/punt/15/",
        {
            "version": "1",
            "answer_15.1": "no",
            "text_15.1": "Nieuwsbrief LCR volgen.",
            "answer_15.2": "yes",
        },
    )
    answer = Answer.objects.get(assessment=assessment, question_id="15.1")
    assert (answer.action_points, answer.remarks) == ("Nieuwsbrief LCR volgen.", "")


def test_a_stale_point_is_refused_and_nothing_saved(member_client, councils):
    assessment = AssessmentFactory(council=councils.own, version=4)
    response = member_client.post(
        f"{BASE}/{assessment.pk}/punt/1/", {"version": "3", "answer_1.1": "yes"}
    )
    assert response.status_code == 409
    assert not Answer.objects.exists()


def test_the_list_marks_what_a_neighbour_shared_as_read_only(member_client, councils):
    AssessmentFactory(council=councils.own, title="Onze beoordeling")
    AssessmentFactory(council=councils.neighbour, shared=True, title="Beoordeling Diemen")
    AssessmentFactory(council=councils.neighbour, final=True, title="Niet gedeeld")
    html = member_client.get(f"{BASE}/").content.decode()
    assert "Onze beoordeling" in html and "Beoordeling Diemen" in html
    assert "Niet gedeeld" not in html
    assert html.count("alleen lezen") == 1


def test_a_final_assessment_offers_no_form(member_client, councils):
    final = AssessmentFactory(council=councils.own, final=True)
    response = member_client.get(f"{BASE}/{final.pk}/punt/1/")
    assert response.status_code == 302 and response["Location"].endswith(f"/{final.pk}/")
    html = member_client.get(f"{BASE}/{final.pk}/").content.decode()
    assert "De checklist invullen" not in html
    assert "Delen met de regio" in html


def test_the_comparison_shows_old_and_new_answers(member_client, councils):
    old = AssessmentFactory(council=councils.own, final=True, title="Beoordeling 2025")
    AnswerFactory(assessment=old, question_id="4.2", answer="no", remarks="Geen meetbare doelen.")
    new = AssessmentFactory(council=councils.own, previous=old, title="Beoordeling 2026")
    AnswerFactory(assessment=new, question_id="4.2", answer="yes", remarks="Nu wel doelen.")
    html = member_client.get(f"{BASE}/{new.pk}/vergelijking/").content.decode()
    assert "Geen meetbare doelen." in html and "Nu wel doelen." in html
    assert "gewijzigde vragen: 1." in html


def test_the_regional_overview_names_the_councils(member_client, councils):
    theirs = AssessmentFactory(council=councils.neighbour, shared=True)
    AnswerFactory(
        assessment=theirs, question_id="16.1", answer="no", action_points="Samen overleggen."
    )
    html = member_client.get(f"{BASE}/regio/").content.decode()
    assert "Cliëntenraad Diemen" in html
    assert "Samen overleggen." in html


def test_the_list_page_costs_the_same_queries_at_1_10_and_50_rows(member_client, councils):
    counts = {}
    made = 0
    for rows in (1, 10, 50):
        for _ in range(rows - made):
            AnswerFactory(assessment=AssessmentFactory(council=councils.own))
        made = rows
        member_client.get(f"{BASE}/")
        with CaptureQueriesContext(connection) as queries:
            response = member_client.get(f"{BASE}/")
        assert response.status_code == 200
        counts[rows] = len(queries)
    assert len(set(counts.values())) == 1, counts
