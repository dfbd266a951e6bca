"""The job seeker on a phone: their own file and who looked at it (RI5)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, login
from tests.factories import JobSeekerFactory, UserFactory, job_seeker_login
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import Role
from werkpad.jobseekers import selectors

pytestmark = pytest.mark.django_db(transaction=True)


def test_job_seeker_sees_contact_person_and_who_looked_at_the_file(
    phone_page, live_server, amsterdam
):
    caseworker = UserFactory.with_role(
        Role.CASEWORKER,
        municipality=amsterdam,
        first_name="Sanne",
        last_name="de Vries",
        phone="020 555 0101",
    )
    job_seeker = JobSeekerFactory(municipality=amsterdam, contact_person=caseworker)
    user = job_seeker_login(job_seeker)
    user.username = "werkzoekende"
    user.save()
    selectors.jobseeker_get(user=caseworker, id=job_seeker.pk, purpose=AuditEvent.Purpose.FILE)

    page = phone_page
    login(page, live_server, "werkzoekende")
    expect(page.get_by_role("heading", name="Uw contactpersoon")).to_be_visible()
    expect(page.get_by_text("Sanne de Vries").first).to_be_visible()
    expect(page.get_by_role("link", name="020 555 0101")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Bekijk wie uw dossier inzag").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Wie heeft mijn dossier bekeken")
    row = page.get_by_role("row").filter(has_text="dossier inzien")
    expect(row).to_contain_text("Sanne de Vries")
    assert_accessible(page)
