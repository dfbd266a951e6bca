"""A council member on a phone answers part of the LCR checklist (CO3): werkpad's
evidence beside a question it can inform, "geen gegevens" beside one it cannot, a
draft saved per point with its progress, then the report downloaded as DOCX and PDF.
axe-core clean on every page."""

from __future__ import annotations

import io

import docx
import pytest
from playwright.sync_api import expect

from tests.council.assessments.factories import CouncilFactory
from tests.e2e.conftest import assert_accessible, login
from tests.factories import UserFactory
from werkpad.core.permissions import Role
from werkpad.council import evidence as evidence_module
from werkpad.council.evidence import Context, Evidence, Figure
from werkpad.council.models.assessments import Answer

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def registered(monkeypatch):
    monkeypatch.setattr(evidence_module, "_REGISTRY", {})

    @evidence_module.evidence("1.1")
    def requests(context: Context) -> Evidence:
        return Evidence(
            question_id="1.1",
            summary="De raad kreeg 3 adviesaanvragen; alle met 14 dagen of meer.",
            method="Adviesaanvragen van de afgelopen 12 maanden.",
            computed_at=context.now,
            figures=(Figure("Adviesaanvragen", "3"),),
        )


def test_a_member_answers_part_of_the_checklist_and_downloads_the_report(
    phone_page, live_server, amsterdam, registered
):
    page = phone_page
    council = CouncilFactory(municipality=amsterdam, name="Cliëntenraad Amsterdam")
    UserFactory.with_role(Role.COUNCIL_MEMBER, organisation=council, username="raadslid")
    login(page, live_server, "raadslid")

    page.goto(f"{live_server.url}/raad/beoordelingen/")
    assert_accessible(page)
    page.get_by_role("link", name="Een beoordeling beginnen").click()
    page.get_by_label("Titel").fill("Beoordeling 2026")
    assert_accessible(page)
    page.get_by_role("button", name="Beginnen").click()

    # point 1: evidence beside 1.1, none beside 1.2
    expect(page.locator("h1")).to_contain_text("Aandachtspunt 1")
    expect(page.locator("#progress")).to_contain_text("0 van 56 beantwoord")
    first = page.locator("#q-1\\.1")
    expect(first).to_contain_text("De raad kreeg 3 adviesaanvragen")
    expect(page.locator("#q-1\\.2")).to_contain_text("werkpad heeft hierover geen gegevens")
    assert_accessible(page)
    first.get_by_label("Ja").check()
    page.locator("#q-1\\.2").get_by_label("Nee").check()
    page.locator("#q-1\\.2").get_by_label("Opmerkingen/vragen richting gemeente").fill(
        "Verordening kwam te laat."
    )
    page.get_by_role("button", name="Opslaan en naar het volgende aandachtspunt").click()

    expect(page.locator("h1")).to_contain_text("Aandachtspunt 2")
    expect(page.locator("#progress")).to_contain_text("2 van 56 beantwoord")
    page.locator("#q-2\\.1").get_by_label("Nee").check()
    page.get_by_role("button", name="Opslaan als concept").click()
    expect(page.locator("#progress")).to_contain_text("3 van 56 beantwoord")
    # the page fits a phone's width
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"{page.url} is {width}px wide"
    assert Answer.objects.get(question_id="1.1").evidence_snapshot["figures"][0]["value"] == "3"

    page.get_by_role("link", name="Beoordeling 2026").click()
    expect(page.locator("#progress")).to_contain_text("3 van 56 beantwoord")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"{page.url} is {width}px wide"
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Downloaden als Word (DOCX)").click()
    content = download.value.path().read_bytes()
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(content)).paragraphs)
    assert "Verordening kwam te laat." in text
    assert "De raad kreeg 3 adviesaanvragen" in text
    with page.expect_download() as download:
        page.get_by_role("link", name="Downloaden als PDF").click()
    assert download.value.suggested_filename.endswith(".pdf")
    assert download.value.path().read_bytes().startswith(b"%PDF")
