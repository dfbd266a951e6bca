"""Browser tests: Playwright driving Debian's Chromium against a live server.

Chromium is Debian's package (/usr/bin/chromium), installed by .ci/run; the
tests fail, rather than skip, when it is missing.
"""

from __future__ import annotations

import os
import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe

# Playwright's sync API runs an event loop in this thread; the ORM calls the
# tests make around it are synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("WERKPAD_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PASSWORD = "werkpad-test-1"


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(autouse=True)
def _password_login_only(settings):
    """The second login step has its own tests (tests/accounts/test_second_factor.py)."""
    settings.WERKPAD_STAFF_2FA = False


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's chromium package.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def _nothing_refused_by_the_security_headers(request, monkeypatch):
    """Fails a test in which the browser blocked or refused anything under the
    Content-Security-Policy or the Permissions-Policy, on any page of any context."""
    if "browser" not in request.fixturenames:
        yield
        return
    browser = request.getfixturevalue("browser")
    refused: list[str] = []
    new_context = browser.new_context

    def watched_context(*args, **kwargs):
        context = new_context(*args, **kwargs)

        def on_console(message) -> None:
            if "Content Security Policy" in message.text or "Permissions-Policy" in message.text:
                refused.append(f"{message.page.url if message.page else ''}: {message.text}")

        context.on("console", on_console)
        return context

    monkeypatch.setattr(browser, "new_context", watched_context)
    yield
    assert refused == [], "\n".join(refused)


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def phone_page(browser):
    """A job seeker on a phone."""
    context = browser.new_context(
        locale="nl-NL", viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


def login(page, live_server, username: str, password: str = PASSWORD) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.locator("main").get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()


_axe = Axe()


def assert_accessible(page) -> None:
    """axe-core finds no WCAG 2.0/2.1 A or AA violation on the page as it is now."""
    results = _axe.run(
        page,
        options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]},
    )
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"


def fits_the_phone(page) -> None:
    """The page, loaded in full, is no wider than a 390 px phone screen. Waits for the
    load first: right after a click the old document may be gone and the new one not
    there yet."""
    page.wait_for_load_state("load")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"{page.url} is {width}px wide"
