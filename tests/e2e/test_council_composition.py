"""The council's composition page in a browser: a small cell says "<10", a cell hidden
to protect it says "afgeschermd", the legend explains both. axe-core clean."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, login
from tests.factories import JobSeekerFactory, UserFactory
from werkpad.core.permissions import Role

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_council_reads_why_a_figure_is_hidden(page, live_server, amsterdam):
    JobSeekerFactory.create_batch(12, municipality=amsterdam, gender="male")
    JobSeekerFactory.create_batch(14, municipality=amsterdam, gender="female")
    JobSeekerFactory.create_batch(2, municipality=amsterdam, gender="x")
    UserFactory.with_role(Role.COUNCIL_MEMBER, municipality=amsterdam, username="raadslid")
    login(page, live_server, "raadslid")
    page.goto(f"{live_server.url}/inzicht/samenstelling/")
    table = page.locator("table", has=page.locator("caption", has_text="Geslacht"))
    expect(table.get_by_role("row", name="Man")).to_contain_text("afgeschermd")
    expect(table.get_by_role("row", name="X (non-binair)")).to_contain_text("<10")
    expect(table.get_by_role("row", name="Vrouw")).to_contain_text("14")
    legend = page.locator("#suppression-legend")
    expect(legend).to_contain_text("Minder dan 10 mensen")
    expect(legend).to_contain_text("alleen afgeschermd zodat een kleinere groep")
    assert_accessible(page)
