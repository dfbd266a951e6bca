"""Messages on a phone (WT2): the job seeker sees the unread count on /mijn/, reads the
coach's message and answers it at 390x844; the coach reads the answer; the caseworker
joins the coach's conversation; axe-core is clean on every new page."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, login
from tests.factories import (
    JobSeekerFactory,
    ProgrammeFactory,
    ProviderFactory,
    TrajectoryFactory,
    UserFactory,
    job_seeker_login,
)
from werkpad.conversations import services
from werkpad.conversations.models import Message
from werkpad.core.permissions import Role

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_job_seeker_reads_the_coachs_message_and_answers_on_a_phone(
    phone_page, page, live_server, amsterdam
):
    caseworker = UserFactory.with_role(
        Role.CASEWORKER, municipality=amsterdam, username="klantmanager", first_name="Sanne"
    )
    provider = ProviderFactory(municipality=amsterdam)
    coach = UserFactory.with_role(
        Role.COACH, organisation=provider.organisation, username="coach", first_name="Karim"
    )
    job_seeker = JobSeekerFactory(municipality=amsterdam, contact_person=caseworker)
    user = job_seeker_login(job_seeker)
    user.username = "werkzoekende"
    user.save()
    trajectory = TrajectoryFactory(
        job_seeker=job_seeker,
        programme=ProgrammeFactory(provider=provider, name="Werkfit Zorg"),
        coach=coach,
        started=True,
    )
    first = services.message_start(
        user=coach,
        job_seeker_id=job_seeker.pk,
        trajectory_id=trajectory.pk,
        body="Zullen we dinsdag om 10 uur kennismaken?",
    )

    phone = phone_page
    login(phone, live_server, "werkzoekende")
    expect(phone.get_by_text("U hebt 1 nieuw bericht.")).to_be_visible()
    assert_accessible(phone)
    phone.get_by_role("link", name="Naar mijn berichten").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Mijn berichten")
    assert_accessible(phone)
    phone.get_by_role("link", name="Met uw trajectbegeleider van Werkfit Zorg").click()
    expect(phone.get_by_text("Zullen we dinsdag om 10 uur kennismaken?")).to_be_visible()
    assert_accessible(phone)
    phone.get_by_label("Uw bericht").fill("Dinsdag om 10 uur is goed.")
    phone.get_by_role("button", name="Versturen").click()
    expect(phone.get_by_text("Uw bericht is verstuurd.")).to_be_visible()
    expect(phone.get_by_text("Dinsdag om 10 uur is goed.")).to_be_visible()
    # nothing scrolls sideways on the phone
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(phone)
    phone.get_by_role("link", name="Mijn berichten").first.click()
    phone.get_by_role("link", name="Nieuw bericht schrijven").click()
    assert_accessible(phone)
    answer = Message.objects.order_by("id").last()
    assert (answer.author, answer.conversation_id) == (user, first.conversation_id)

    # the coach reads the answer; the caseworker joins the conversation
    login(page, live_server, "coach")
    page.goto(f"{live_server.url}/berichten/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Berichten")
    assert_accessible(page)
    page.get_by_role("link", name=job_seeker.full_name).click()
    expect(page.get_by_text("Dinsdag om 10 uur is goed.")).to_be_visible()
    assert_accessible(page)
    page.context.clear_cookies()
    login(page, live_server, "klantmanager")
    page.goto(f"{live_server.url}/berichten/{first.conversation_id}/")
    page.get_by_role("button", name="Doe mee aan het gesprek").click()
    expect(page.get_by_text("U doet mee aan het gesprek.")).to_be_visible()
    assert_accessible(page)
    page.goto(f"{live_server.url}/berichten/nieuw/{job_seeker.pk}/")
    assert_accessible(page)
    page.goto(f"{live_server.url}/accounts/profiel/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn profiel")
    assert_accessible(page)
