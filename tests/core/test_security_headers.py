"""Security headers on every response: a Content-Security-Policy without inline script
or style, a Permissions-Policy, and ``Cache-Control: no-store`` wherever personal data
may be shown (every API response and every page served to someone logged in)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from tests.factories import (
    InstrumentFactory,
    JobSeekerFactory,
    PlanFactory,
    ProgrammeFactory,
    TrajectoryFactory,
    UserFactory,
    job_seeker_login,
)
from werkpad.core.permissions import Role

pytestmark = pytest.mark.django_db

TEMPLATES = Path(settings.BASE_DIR) / "templates"
DENIED_FEATURES = ["camera", "microphone", "geolocation", "payment", "usb"]


def assert_policy_headers(response, path: str) -> None:
    csp = response.headers.get("Content-Security-Policy", "")
    directives = {
        name: values for name, *values in (part.split() for part in csp.split(";") if part.strip())
    }
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp, (path, csp)
    assert directives.get("default-src") == ["'self'"], (path, csp)
    assert directives.get("script-src") == ["'self'"], (path, csp)
    assert directives.get("style-src") == ["'self'"], (path, csp)
    assert directives.get("img-src") == ["'self'", "data:"], (path, csp)
    assert directives.get("object-src") == ["'none'"], (path, csp)
    assert directives.get("base-uri") == ["'none'"], (path, csp)
    assert directives.get("frame-ancestors") == ["'none'"], (path, csp)
    assert directives.get("form-action") == ["'self'"], (path, csp)
    policy = response.headers.get("Permissions-Policy", "")
    for feature in DENIED_FEATURES:
        assert f"{feature}=()" in policy, (path, policy)


def not_stored(response) -> bool:
    return "no-store" in response.headers.get("Cache-Control", "")


def assert_no_inline_code(response, path: str) -> None:
    """The page as served holds nothing the policy would block."""
    if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
        finder = _InlineFinder()
        finder.feed(response.content.decode())
        assert finder.found == [], path


@pytest.fixture
def world(amsterdam, caseworker):
    job_seeker = JobSeekerFactory(municipality=amsterdam, contact_person=caseworker)
    plan = PlanFactory(job_seeker=job_seeker, proposed=True)
    trajectory = TrajectoryFactory(job_seeker=job_seeker, started=True)
    programme = ProgrammeFactory(provider=trajectory.provider)
    return {
        "job_seeker": job_seeker,
        "plan": plan,
        "trajectory": trajectory,
        "programme": programme,
        "provider": trajectory.provider,
        "instrument": InstrumentFactory(municipality=amsterdam),
        "job_seeker_user": job_seeker_login(job_seeker),
    }


def _routes(resolver: URLResolver | None = None, prefix: str = ""):
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern)


#: Which object an ``id`` in a route names, by the words of the route.
_OBJECT_OF = {
    "werkzoekenden": "job_seeker",
    "job-seekers": "job_seeker",
    "plannen": "plan",
    "plans": "plan",
    "trajecten": "trajectory",
    "trajectories": "trajectory",
    "trajectaanbod": "programme",
    "programmes": "programme",
    "aanbieders": "provider",
    "providers": "provider",
    "instrumenten": "instrument",
    "instruments": "instrument",
}


def concrete_paths(world) -> list[str]:
    """Every route of werkpad with real ids filled in."""
    paths = []
    for route in _routes():
        words = set(re.split(r"[/<>:]", route))
        owner = next((kind for word, kind in _OBJECT_OF.items() if word in words), None)

        def value(match, owner=owner):
            name = match.group(2)
            if name == "job_seeker_id":
                return str(world["job_seeker"].pk)
            if name == "slug":
                return world["programme"].slug
            if name == "id" and owner is not None:
                return str(world[owner].pk)
            return "1"

        paths.append("/" + re.sub(r"<(?:(\w+):)?(\w+)>", value, route))
    return paths


def test_every_route_carries_the_policies_and_stores_nothing_for_a_logged_in_user(
    world, caseworker, client
):
    client.force_login(caseworker)
    paths = concrete_paths(world)
    assert len(paths) > 60
    for path in paths:
        response = client.get(path)
        assert response.status_code < 500, path
        assert_policy_headers(response, path)
        assert not_stored(response), path
        assert_no_inline_code(response, path)


def test_every_route_carries_the_policies_without_a_login_and_the_api_stores_nothing(world):
    client = Client()
    for path in concrete_paths(world):
        response = client.get(path)
        assert response.status_code < 500, path
        assert_policy_headers(response, path)
        if path.startswith("/api/"):
            assert not_stored(response), path


@pytest.mark.parametrize(
    ("who", "path"),
    [
        ("caseworker", "/"),
        ("caseworker", "/werkzoekenden/"),
        ("caseworker", "/werkzoekenden/{job_seeker}/"),
        ("caseworker", "/werkzoekenden/{job_seeker}/inzage/"),
        ("caseworker", "/plannen/"),
        ("caseworker", "/plannen/{plan}/"),
        ("caseworker", "/trajecten/"),
        ("caseworker", "/trajecten/{trajectory}/"),
        ("caseworker", "/trajectaanbod/"),
        ("caseworker", "/inzicht/samenstelling/"),
        ("caseworker", "/privacy/"),
        ("caseworker", "/api/v1/job-seekers"),
        ("caseworker", "/api/v1/job-seekers/{job_seeker}"),
        ("job seeker", "/mijn/"),
        ("job seeker", "/mijn/plan/"),
        ("job seeker", "/mijn/inzage/"),
        ("policy officer", "/inzicht/hiaten/"),
    ],
)
def test_pages_and_api_with_personal_data_are_never_stored(
    world, caseworker, role_user, client, who, path
):
    user = {
        "caseworker": caseworker,
        "job seeker": world["job_seeker_user"],
        "policy officer": role_user(Role.POLICY_OFFICER),
    }[who]
    client.force_login(user)
    path = path.format(
        job_seeker=world["job_seeker"].pk, plan=world["plan"].pk, trajectory=world["trajectory"].pk
    )
    response = client.get(path)
    assert response.status_code == 200, path
    assert_policy_headers(response, path)
    assert not_stored(response), path
    assert_no_inline_code(response, path)


def test_the_api_with_a_token_is_never_stored(world, caseworker, token_api):
    response = token_api(caseworker).get(f"/api/v1/job-seekers/{world['job_seeker'].pk}")
    assert response.status_code == 200
    assert_policy_headers(response, "token API")
    assert not_stored(response)


def test_public_pages_carry_the_policies_and_may_be_cached(world):
    client = Client()
    for path in [
        "/aanbod/",
        f"/aanbod/{world['programme'].slug}/",
        "/toegankelijkheid/",
        "/privacy/",
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert_policy_headers(response, path)
        assert not not_stored(response), path


def test_the_login_page_is_never_stored():
    response = Client().get("/accounts/login/")
    assert_policy_headers(response, "login")
    assert not_stored(response)


def test_static_files_carry_the_policies_too():
    response = Client().get("/static/werkpad/werkpad.css")
    assert response.status_code == 200
    assert_policy_headers(response, "stylesheet")


def test_no_user_gets_a_page_without_the_policies(amsterdam):
    """Also a role that sees no person (the coach) and the staff on a refused page."""
    client = Client()
    client.force_login(UserFactory.with_role(Role.COACH, municipality=amsterdam))
    for path in ["/", "/werkzoekenden/", "/inzicht/samenstelling/"]:
        response = client.get(path)
        assert_policy_headers(response, path)
        assert not_stored(response), path


class _InlineFinder(HTMLParser):
    """Finds what a Content-Security-Policy without 'unsafe-inline' blocks."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        names = {name.lower(): value for name, value in attrs}
        if "style" in names:
            self.found.append(f"style attribute on <{tag}>")
        self.found.extend(f"{name} on <{tag}>" for name in names if name.startswith("on"))
        if tag == "style":
            self.found.append("<style> element")
        if tag == "script" and not names.get("src"):
            self.found.append("inline <script>")
        for name in ("href", "src", "action"):
            if (names.get(name) or "").strip().lower().startswith("javascript:"):
                self.found.append(f"javascript: URL on <{tag}>")
        if any(name.startswith(("hx-on", "data-hx-on")) for name in names):
            self.found.append(f"hx-on handler on <{tag}>")


def test_no_template_has_inline_style_or_script():
    templates = sorted(TEMPLATES.rglob("*.html"))
    assert len(templates) > 40
    problems = []
    for template in templates:
        # Template tags are not HTML; blank them out so that the parser sees the markup.
        text = re.sub(r"{%.*?%}|{{.*?}}|{#.*?#}", " ", template.read_text(), flags=re.S)
        finder = _InlineFinder()
        finder.feed(text)
        problems.extend(f"{template.relative_to(TEMPLATES)}: {what}" for what in finder.found)
    assert problems == []


def test_the_template_scan_finds_what_the_policy_blocks():
    finder = _InlineFinder()
    finder.feed(
        '<p style="margin:0">x</p><style>p{}</style><script>alert(1)</script>'
        '<button onclick="x()">b</button><a href="javascript:x()">a</a>'
        '<script src="/static/a.js"></script>'
    )
    assert finder.found == [
        "style attribute on <p>",
        "<style> element",
        "inline <script>",
        "onclick on <button>",
        "javascript: URL on <a>",
    ]


def test_htmx_is_told_not_to_insert_its_own_style_or_keep_pages_in_the_browser(client):
    html = client.get("/accounts/login/").content.decode()
    config = re.search(r"<meta name=\"htmx-config\" content='([^']*)'>", html)
    assert config is not None
    values = json.loads(config.group(1))
    assert values["includeIndicatorStyles"] is False
    assert values["allowEval"] is False
    assert values["historyCacheSize"] == 0
    assert html.index('name="htmx-config"') < html.index("htmx-2")


def test_the_authenticator_enrolment_page_draws_its_qr_code_without_inline_style(
    client, settings, caseworker
):
    settings.WERKPAD_STAFF_2FA = True
    client.post("/accounts/login/", {"username": caseworker.username, "password": "werkpad-test-1"})
    response = client.get("/accounts/login/tweede-stap/")
    assert response.status_code == 200
    assert "<svg" in response.content.decode()
    assert_policy_headers(response, "second factor")
    assert_no_inline_code(response, "second factor")
