"""Issue WT1-WT3 in one browser flow, the job seeker at a phone's width (390x844): they
mark an agreed action done on /mijn/, read the coach's message and answer it with their
CV attached; the caseworker finds the CV on the file and downloads it, and the job seeker
sees that download in "who looked at my file". axe-core finds no violation on any page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.actions.factories import ActionFactory
from tests.documents.factories import PDF
from tests.e2e.conftest import assert_accessible, fits_the_phone, login
from tests.factories import (
    JobSeekerFactory,
    PlanFactory,
    ProgrammeFactory,
    ProviderFactory,
    TrajectoryFactory,
    UserFactory,
    job_seeker_login,
)
from werkpad.conversations import services as conversations
from werkpad.conversations.models import Message
from werkpad.core.permissions import Role
from werkpad.documents.models import Document

pytestmark = pytest.mark.django_db(transaction=True)


def test_action_done_message_answered_with_a_cv_the_caseworker_downloads(
    browser, phone_page, page, live_server, amsterdam, tmp_path
):
    caseworker = UserFactory.with_role(
        Role.CASEWORKER, municipality=amsterdam, username="klantmanager"
    )
    provider = ProviderFactory(municipality=amsterdam, name="Werkkracht BV")
    coach = UserFactory.with_role(Role.COACH, organisation=provider.organisation, username="coach")
    job_seeker = JobSeekerFactory(
        municipality=amsterdam, contact_person=caseworker, last_name="Timmerhuis-Oost"
    )
    user = job_seeker_login(job_seeker)
    user.username = "werkzoekende"
    user.save()
    plan = PlanFactory(job_seeker=job_seeker, in_effect=True)
    trajectory = TrajectoryFactory(
        job_seeker=job_seeker,
        programme=ProgrammeFactory(provider=provider, name="Werkfit Zorg"),
        coach=coach,
        started=True,
    )
    action = ActionFactory(
        plan=plan,
        description="Inschrijven bij werk.nl",
        due_on=timezone.localdate() + dt.timedelta(days=3),
    )
    asked = conversations.message_start(
        user=coach,
        job_seeker_id=job_seeker.pk,
        trajectory_id=trajectory.pk,
        body="Wilt u uw cv sturen? Dan kijken we dinsdag samen naar vacatures.",
    )
    cv = tmp_path / "Mijn cv.pdf"
    cv.write_bytes(PDF)

    # The job seeker, on a phone: the action first, marked done.
    phone = phone_page
    login(phone, live_server, "werkzoekende")
    phone.goto(f"{live_server.url}/mijn/")
    first = phone.locator("main section").first
    expect(first).to_contain_text("Inschrijven bij werk.nl")
    fits_the_phone(phone)
    assert_accessible(phone)
    first.get_by_role("button", name="Klaar: Inschrijven bij werk.nl").click()
    expect(phone.get_by_text("Goed gedaan: de actie staat op klaar.")).to_be_visible()
    action.refresh_from_db()
    assert action.status == "done"

    # The coach's message, read and answered with the CV.
    expect(phone.get_by_text("U hebt 1 nieuw bericht.")).to_be_visible()
    phone.get_by_role("link", name="Naar mijn berichten").click()
    phone.get_by_role("link", name="Met uw trajectbegeleider van Werkfit Zorg").click()
    expect(phone.get_by_text("Wilt u uw cv sturen?")).to_be_visible()
    fits_the_phone(phone)
    assert_accessible(phone)
    phone.get_by_label("Uw bericht").fill("Hierbij mijn cv. Dinsdag is goed.")
    phone.get_by_label("Bijlage (mag leeg blijven)").set_input_files(str(cv))
    phone.get_by_label("Wat is de bijlage?").select_option("cv")
    phone.get_by_role("button", name="Versturen").click()
    expect(phone.get_by_text("Uw bericht is verstuurd.")).to_be_visible()
    expect(phone.get_by_role("link", name="Mijn cv.pdf")).to_be_visible()
    fits_the_phone(phone)
    assert_accessible(phone)
    answer = Message.objects.order_by("id").last()
    assert (answer.author, answer.conversation_id) == (user, asked.conversation_id)
    document = Document.objects.get()
    assert (answer.attachment, document.type, document.trajectory) == (document, "cv", trajectory)

    # The caseworker finds the CV on the file and downloads it.
    login(page, live_server, "klantmanager")
    page.goto(f"{live_server.url}/werkzoekenden/{job_seeker.pk}/")
    section = page.locator("section", has=page.locator("#h-documents"))
    expect(section.get_by_role("link", name="Mijn cv.pdf")).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as download:
        section.get_by_role("link", name="Mijn cv.pdf").click()
    assert Path(download.value.path()).read_bytes() == PDF

    # The job seeker sees the download in "who looked at my file".
    phone.goto(f"{live_server.url}/mijn/inzage/")
    expect(phone.get_by_text("document downloaden").first).to_be_visible()
    fits_the_phone(phone)
