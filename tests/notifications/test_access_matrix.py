"""Who may do what with notifications: every role x every action, API and UI (issue 7).

A notification is its recipient's alone, whatever their role: everyone who logs in lists,
opens and marks read their own and chooses their own e-mail; someone else's is not found
(404) and stays as it was. Without a login the API answers 401 and the UI sends you to the
login page.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from tests.access import ANONYMOUS, ROLES, api_client, page_client
from tests.factories import JobSeekerFactory, UserFactory, job_seeker_login
from tests.notifications.conftest import MONDAY
from tests.notifications.factories import NotificationFactory
from werkpad.core.permissions import Role
from werkpad.notifications.models import EmailPreference, Kind, Notification

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.access_matrix,
    pytest.mark.time_machine(MONDAY, tick=False),
]

API_ACTIONS = ["list", "mark own read", "mark another's read"]
API_EXPECTED = {
    **{role: {"list": 200, "mark own read": 200, "mark another's read": 404} for role in Role},
    ANONYMOUS: dict.fromkeys(API_ACTIONS, 401),
}

UI_ACTIONS = [
    "list",
    "open own",
    "open another's",
    "mark all read",
    "preferences",
    "save preferences",
]
UI_EXPECTED = {
    **{
        role: {
            "list": 200,
            "open own": 302,
            "open another's": 404,
            "mark all read": 302,
            "preferences": 200,
            "save preferences": 302,
        }
        for role in Role
    },
    ANONYMOUS: dict.fromkeys(UI_ACTIONS, 302),
}

#: What an allowed action changes: the own notification read, the own e-mail choices.
CHANGES = {"mark own read", "open own", "mark all read", "save preferences"}


def test_the_table_covers_every_role_and_action():
    assert set(API_EXPECTED) == set(ROLES) == set(UI_EXPECTED)
    assert all(set(row) == set(API_ACTIONS) for row in API_EXPECTED.values())
    assert all(set(row) == set(UI_ACTIONS) for row in UI_EXPECTED.values())


@pytest.fixture
def world(amsterdam):
    someone = UserFactory.with_role(Role.CASEWORKER, municipality=amsterdam)
    return SimpleNamespace(theirs=NotificationFactory(recipient=someone, url="/plannen/2/"))


def user_for(role, role_user, amsterdam):
    if role == ANONYMOUS:
        return None
    if role == Role.JOB_SEEKER:
        return job_seeker_login(JobSeekerFactory(municipality=amsterdam))
    return role_user(role)


def state():
    return (
        list(Notification.objects.order_by("pk").values()),
        list(EmailPreference.objects.order_by("pk").values()),
    )


def own_notification(user):
    return NotificationFactory(recipient=user, url="/plannen/1/") if user else None


def call_api(client, action, own, world):
    match action:
        case "list":
            return client.get("/api/v1/notifications")
        case "mark own read":
            # Anonymous has none of their own: they try someone's.
            target = own or world.theirs
            return client.post(f"/api/v1/notifications/{target.pk}/read")
        case "mark another's read":
            return client.post(f"/api/v1/notifications/{world.theirs.pk}/read")
    raise AssertionError(action)


def call_ui(client, action, own, world):
    match action:
        case "list":
            return client.get("/meldingen/")
        case "open own":
            return client.get(f"/meldingen/{(own or world.theirs).pk}/")
        case "open another's":
            return client.get(f"/meldingen/{world.theirs.pk}/")
        case "mark all read":
            return client.post("/meldingen/gelezen/")
        case "preferences":
            return client.get("/meldingen/voorkeuren/")
        case "save preferences":
            return client.post("/meldingen/voorkeuren/", {Kind.ASSIGNED: "on"})
    raise AssertionError(action)


def check_changes(action, allowed, user, own, world, before):
    """An allowed change touched the user's own and nothing else; anything else changed
    nothing at all."""
    if not (allowed and action in CHANGES):
        assert state() == before, "a refused or read-only request changed something"
        return
    world.theirs.refresh_from_db()
    assert world.theirs.read_at is None
    if action == "save preferences":
        assert set(EmailPreference.objects.values_list("user_id", "kind", "email")) == {
            (user.pk, Kind.ASSIGNED.value, True),
            (user.pk, Kind.TERM_NEAR.value, False),
            (user.pk, Kind.TERM_PASSED.value, False),
            (user.pk, Kind.MESSAGE.value, False),
        }
    else:
        own.refresh_from_db()
        assert own.read_at is not None


@pytest.mark.parametrize("action", API_ACTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_api(role, action, world, role_user, amsterdam):
    user = user_for(role, role_user, amsterdam)
    own = own_notification(user)
    client = api_client(user)
    before = state()
    response = call_api(client, action, own, world)
    expected = API_EXPECTED[role][action]
    assert response.status_code == expected, (role, action, response.content[:300])
    if expected >= 400:
        assert response["Content-Type"] == "application/problem+json"
    check_changes(action, expected < 400, user, own, world, before)
    if action == "list" and expected == 200:
        assert [row["id"] for row in response.json()["results"]] == [own.pk]


@pytest.mark.parametrize("action", UI_ACTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_ui(role, action, world, role_user, amsterdam):
    user = user_for(role, role_user, amsterdam)
    own = own_notification(user)
    client = page_client(user)
    before = state()
    response = call_ui(client, action, own, world)
    expected = UI_EXPECTED[role][action]
    assert response.status_code == expected, (role, action)
    if role == ANONYMOUS:
        assert response["Location"].startswith("/accounts/login/?next=")
    elif action == "open own":
        assert response["Location"] == own.url
    check_changes(action, role != ANONYMOUS and expected < 400, user, own, world, before)
    if action == "list" and expected == 200:
        page = response.content.decode()
        assert f'href="/meldingen/{own.pk}/"' in page
        assert f'href="/meldingen/{world.theirs.pk}/"' not in page
