"""Complaints (RI2): every actor x every page and endpoint.

The named properties: an employer's complaint is never visible to a provider; a
complaint handler sees only the complaints routed to their organisation; caseworkers
do not read complaints. A refused request changes nothing.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.test import Client
from rest_framework.test import APIClient

from tests.complaints.conftest import NOW, advance, file
from werkpad.complaints.models import Complaint, Letter, Subject
from werkpad.core.permissions import Role

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.access_matrix,
    pytest.mark.time_machine(NOW, tick=False),
]

ANONYMOUS = "anonymous"
PROVIDER_HANDLER = "provider complaint handler"
ACTORS = [*Role, PROVIDER_HANDLER, ANONYMOUS]


@pytest.fixture
def world(seeker_user, employer_user, municipal_org, provider, handler, provider_handler):
    w = SimpleNamespace()
    w.js = advance(file(seeker_user, municipal_org), handler, "decided")
    w.prov = file(seeker_user, provider.organisation, subject=Subject.PROVIDER_CONDUCT)
    w.emp = advance(
        file(employer_user, municipal_org, subject=Subject.EMPLOYER_SERVICE),
        handler,
        "acknowledged",
    )
    w.new = file(seeker_user, municipal_org)
    w.users = {
        Role.JOB_SEEKER: seeker_user,
        Role.EMPLOYER: employer_user,
        Role.COMPLAINT_HANDLER: handler,
        PROVIDER_HANDLER: provider_handler,
    }
    return w


def user_for(actor, world, role_user):
    if actor == ANONYMOUS:
        return None
    return world.users.get(actor) or role_user(actor)


def state():
    return (
        list(Complaint.objects.order_by("pk").values()),
        Letter.objects.count(),
    )


# --- pages (GET) -------------------------------------------------------------------------

PAGES = {
    "own list": lambda w: "/mijn/klachten/",
    "own file": lambda w: "/mijn/klachten/nieuw/",
    "own detail": lambda w: f"/mijn/klachten/{w.js.pk}/",
    "employer list": lambda w: "/werkgever/klachten/",
    "employer file": lambda w: "/werkgever/klachten/nieuw/",
    "employer detail": lambda w: f"/werkgever/klachten/{w.emp.pk}/",
    "handler list": lambda w: "/klachten/",
    "file on behalf": lambda w: "/klachten/nieuw/",
    "overview": lambda w: "/klachten/jaaroverzicht/?jaar=2026",
    "routing": lambda w: "/klachten/routering/",
    "lessons": lambda w: "/klachten/lessen/",
    "detail js": lambda w: f"/klachten/{w.js.pk}/",
    "detail provider": lambda w: f"/klachten/{w.prov.pk}/",
    "detail employer": lambda w: f"/klachten/{w.emp.pk}/",
    "letter js": lambda w: f"/klachten/{w.js.pk}/brieven/decision/",
    "letter employer": lambda w: f"/klachten/{w.emp.pk}/brieven/acknowledgement/",
}

#: Staff without any part in complaints: refused pages, no complaint found.
_NONE = {
    **dict.fromkeys(PAGES, 403),
    # a complaint one may not see is not found, whatever the page
    "own detail": 404,
    "employer detail": 404,
    "detail js": 404,
    "detail provider": 404,
    "detail employer": 404,
    "letter js": 404,
    "letter employer": 404,
}
PAGE_EXPECTED = {
    ANONYMOUS: dict.fromkeys(PAGES, 302),
    Role.JOB_SEEKER: {
        **_NONE,
        "own list": 200,
        "own file": 200,
        "own detail": 200,
        # their own, but the handler's pages are not theirs
        "detail js": 403,
        "detail provider": 403,
        "letter js": 200,
    },
    Role.EMPLOYER: {
        **_NONE,
        "employer list": 200,
        "employer file": 200,
        "employer detail": 200,
        "detail employer": 403,
        "letter employer": 200,
    },
    Role.COMPLAINT_HANDLER: {
        **_NONE,
        # they see these complaints, but the complainant's pages are not theirs
        "own detail": 403,
        "employer detail": 403,
        "handler list": 200,
        "file on behalf": 200,
        "overview": 200,
        "lessons": 200,
        "detail js": 200,
        "detail employer": 200,
        "letter js": 200,
        "letter employer": 200,
    },
    PROVIDER_HANDLER: {
        **_NONE,
        "handler list": 200,
        "lessons": 200,
        "detail provider": 200,
    },
    Role.CASEWORKER: _NONE,
    Role.COACH: _NONE,
    Role.EMPLOYER_ADVISOR: _NONE,
    Role.ADVISOR: _NONE,
    Role.COUNCIL_MEMBER: {**_NONE, "overview": 200},
    Role.POLICY_OFFICER: {**_NONE, "overview": 200},
    Role.FUNCTIONAL_ADMIN: {**_NONE, "routing": 200},
}


def test_the_page_table_covers_every_actor_and_page():
    assert set(PAGE_EXPECTED) == set(ACTORS)
    assert all(set(row) == set(PAGES) for row in PAGE_EXPECTED.values())


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("actor", ACTORS)
def test_pages(actor, page, world, role_user):
    client = Client()
    user = user_for(actor, world, role_user)
    if user is not None:
        client.force_login(user)
    before = state()
    response = client.get(PAGES[page](world))
    assert response.status_code == PAGE_EXPECTED[actor][page], (actor, page)
    assert state() == before


# --- page actions (POST) -----------------------------------------------------------------

POSTS = {
    "acknowledge": lambda w: (f"/klachten/{w.new.pk}/stap/acknowledge/", {"version": 1}),
    "own not satisfied": lambda w: (
        f"/mijn/klachten/{w.js.pk}/niet-tevreden/",
        {"text": "Er is niets veranderd."},
    ),
    "employer not satisfied": lambda w: (
        f"/werkgever/klachten/{w.emp.pk}/niet-tevreden/",
        {"text": "Nog steeds niet opgelost."},
    ),
}
_POST_NONE = {"acknowledge": 404, "own not satisfied": 404, "employer not satisfied": 404}
POST_EXPECTED = {
    ANONYMOUS: dict.fromkeys(POSTS, 302),
    Role.JOB_SEEKER: {"acknowledge": 403, "own not satisfied": 302, "employer not satisfied": 404},
    # the employer's complaint is not decided yet: the refusal shows on the page
    Role.EMPLOYER: {"acknowledge": 404, "own not satisfied": 404, "employer not satisfied": 400},
    Role.COMPLAINT_HANDLER: {
        "acknowledge": 302,
        "own not satisfied": 403,
        "employer not satisfied": 403,
    },
    PROVIDER_HANDLER: _POST_NONE,
    **{
        role: _POST_NONE
        for role in Role
        if role not in (Role.JOB_SEEKER, Role.EMPLOYER, Role.COMPLAINT_HANDLER)
    },
}
CHANGES = {(Role.JOB_SEEKER, "own not satisfied"), (Role.COMPLAINT_HANDLER, "acknowledge")}


def test_the_post_table_covers_every_actor_and_action():
    assert set(POST_EXPECTED) == set(ACTORS)
    assert all(set(row) == set(POSTS) for row in POST_EXPECTED.values())


@pytest.mark.parametrize("action", POSTS)
@pytest.mark.parametrize("actor", ACTORS)
def test_page_actions(actor, action, world, role_user):
    client = Client()
    user = user_for(actor, world, role_user)
    if user is not None:
        client.force_login(user)
    before = state()
    url, data = POSTS[action](world)
    response = client.post(url, data)
    assert response.status_code == POST_EXPECTED[actor][action], (actor, action)
    assert (state() != before) is ((actor, action) in CHANGES), (actor, action)


# --- the API -----------------------------------------------------------------------------

API = {
    "list": lambda w: ("get", "/api/v1/complaints", None),
    "file": lambda w: (
        "post",
        "/api/v1/complaints",
        {"subject": "other", "about": w.js.about_id, "description": "Te lang gewacht."},
    ),
    "read js": lambda w: ("get", f"/api/v1/complaints/{w.js.pk}", None),
    "read provider": lambda w: ("get", f"/api/v1/complaints/{w.prov.pk}", None),
    "read employer": lambda w: ("get", f"/api/v1/complaints/{w.emp.pk}", None),
    "acknowledgement": lambda w: (
        "post",
        f"/api/v1/complaints/{w.new.pk}/acknowledgement",
        {"version": 1},
    ),
    "postponement": lambda w: (
        "post",
        f"/api/v1/complaints/{w.new.pk}/postponement",
        {"version": 1, "weeks": 2, "reason": "Getuige afwezig."},
    ),
    "hearing": lambda w: (
        "post",
        f"/api/v1/complaints/{w.new.pk}/hearing",
        {"version": 1, "skipped": "declined"},
    ),
    "decision": lambda w: (
        "post",
        f"/api/v1/complaints/{w.new.pk}/decision",
        {"version": 1, "outcome": "founded", "conclusions": "Terecht."},
    ),
    "dissatisfaction": lambda w: (
        "post",
        f"/api/v1/complaints/{w.js.pk}/dissatisfaction",
        {"text": "Niet eens."},
    ),
    "follow-up": lambda w: ("post", f"/api/v1/complaints/{w.js.pk}/follow-up", {"version": 4}),
    "withdrawal": lambda w: (
        "post",
        f"/api/v1/complaints/{w.new.pk}/withdrawal",
        {"version": 1, "reason": "Opgelost."},
    ),
    "lesson": lambda w: (
        "post",
        f"/api/v1/complaints/{w.js.pk}/lessons",
        {"text": "Afspraken niet verzetten."},
    ),
    "letter": lambda w: ("get", f"/api/v1/complaints/{w.js.pk}/letters/acknowledgement", None),
}
_API_NONE = {
    **dict.fromkeys(API, 404),
    "list": 403,
    "file": 403,
}
API_EXPECTED = {
    ANONYMOUS: dict.fromkeys(API, 401),
    Role.JOB_SEEKER: {
        **dict.fromkeys(API, 403),
        "list": 200,
        "file": 201,
        "read js": 200,
        "read provider": 200,
        "read employer": 404,
        "dissatisfaction": 200,
        "withdrawal": 200,
        "letter": 200,
    },
    Role.EMPLOYER: {
        **_API_NONE,
        "list": 200,
        "file": 201,
        "read employer": 200,
    },
    Role.COMPLAINT_HANDLER: {
        **_API_NONE,
        "list": 200,
        "file": 400,  # on someone's behalf: the channel it came in by
        "read js": 200,
        "read employer": 200,
        "acknowledgement": 200,
        "postponement": 200,
        "hearing": 409,
        "decision": 409,
        "dissatisfaction": 403,
        "follow-up": 409,
        "withdrawal": 200,
        "lesson": 200,
        "letter": 200,
    },
    PROVIDER_HANDLER: {**_API_NONE, "list": 200, "read provider": 200},
    **{
        role: _API_NONE
        for role in Role
        if role not in (Role.JOB_SEEKER, Role.EMPLOYER, Role.COMPLAINT_HANDLER)
    },
}
API_CHANGES = {
    (Role.JOB_SEEKER, "file"),
    (Role.EMPLOYER, "file"),
    (Role.JOB_SEEKER, "dissatisfaction"),
    (Role.JOB_SEEKER, "withdrawal"),
    (Role.COMPLAINT_HANDLER, "acknowledgement"),
    (Role.COMPLAINT_HANDLER, "postponement"),
    (Role.COMPLAINT_HANDLER, "withdrawal"),
    (Role.COMPLAINT_HANDLER, "lesson"),
}


def test_the_api_table_covers_every_actor_and_endpoint():
    assert set(API_EXPECTED) == set(ACTORS)
    assert all(set(row) == set(API) for row in API_EXPECTED.values())


def api_state():
    from werkpad.complaints.models import Lesson

    return state(), Lesson.objects.count()


@pytest.mark.parametrize("endpoint", API)
@pytest.mark.parametrize("actor", ACTORS)
def test_api(actor, endpoint, world, role_user):
    client = APIClient()
    user = user_for(actor, world, role_user)
    if user is not None:
        client.force_authenticate(user=user)
    before = api_state()
    method, url, body = API[endpoint](world)
    response = client.get(url) if method == "get" else client.post(url, body, format="json")
    assert response.status_code == API_EXPECTED[actor][endpoint], (
        actor,
        endpoint,
        getattr(response, "data", None),
    )
    assert (api_state() != before) is ((actor, endpoint) in API_CHANGES), (actor, endpoint)


# --- the three named properties ----------------------------------------------------------


def test_an_employers_complaint_is_not_visible_to_providers(world, provider_handler, role_user):
    from werkpad.complaints.selectors import complaint_scope

    coach = role_user(Role.COACH)
    for user in (provider_handler, coach):
        assert world.emp.pk not in set(complaint_scope(user=user).values_list("pk", flat=True))
        assert not user.has_perm("complaints.view_complaint", world.emp)


def test_a_handler_sees_only_what_is_routed_to_their_organisation(world, handler, provider_handler):
    from werkpad.complaints.selectors import complaint_scope

    assert set(complaint_scope(user=provider_handler).values_list("pk", flat=True)) == {
        world.prov.pk
    }
    assert set(complaint_scope(user=handler).values_list("pk", flat=True)) == {
        world.js.pk,
        world.emp.pk,
        world.new.pk,
    }


def test_caseworkers_do_not_read_complaints(world, caseworker):
    from werkpad.complaints.selectors import complaint_scope

    assert not complaint_scope(user=caseworker).exists()
