"""The messages section on a trajectory's page offers a new message only while the
trajectory runs: once it ended there is no coach to write to about it."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.conversations.conftest import MONDAY

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(MONDAY, tick=False)]


def _section(client: Client, trajectory) -> str:
    page = client.get(f"/trajecten/{trajectory.pk}/").content.decode()
    start = page.index(f'id="h-messages-{trajectory.pk}"')
    return page[start : page.index("</section>", start)]


def test_a_new_message_is_offered_only_while_the_trajectory_runs(settings, caseworker, trajectory):
    settings.WERKPAD_STAFF_2FA = False
    client = Client()
    client.force_login(caseworker)
    assert "Nieuw bericht schrijven" in _section(client, trajectory)
    trajectory.status = "completed"
    trajectory.save()
    assert "Nieuw bericht schrijven" not in _section(client, trajectory)
