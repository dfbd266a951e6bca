"""Every view and API view is covered by an access matrix (issue 7, ADR 0007).

A view counts as covered when some ``access_matrix`` test requests it: those tests drive
every role through the view and assert who may do what. The recorder in
``tests/conftest.py`` notes the URL name of every response such a test gets. This test
runs after all of them; when they did not all run in this session (this test run alone,
a ``-k`` or ``-m`` that left some out), it runs them in a subprocess and reads what they
requested from there.

A page that decides no access (logging in, the public OpenAPI document) is listed in
``PUBLIC`` with the reason.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from tests.conftest import (
    MATRIX_DESELECTED,
    MATRIX_RAN,
    MATRIX_SELECTED,
    RECORD_FILE_ENV,
    REQUESTED,
)

TESTS = Path(__file__).parent
ROOT = TESTS.parent

#: Views that decide no access: anyone may open them, logged in or not.
PUBLIC = {
    "accounts:login": "the login page",
    "accounts:logout": "logging out ends whatever session there is",
    "accounts:second-factor": "the login's second step; it reads only the half-done login",
    "set_language": "Django's language switch; it sets a cookie",
    "api:openapi": "the OpenAPI document, public by the API design rules",
    "core:accessibility": "the accessibility statement",
}


def url_names(patterns=None, namespace: str = "") -> list[str]:
    """Every view of the URLconf by its namespaced name; an unnamed one by its pattern."""
    names = []
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            names.extend(url_names(entry.url_patterns, inner))
        elif isinstance(entry, URLPattern):
            names.append(
                f"{namespace}{entry.name}" if entry.name else f"<unnamed: {entry.pattern}>"
            )
    return names


def _marks_access_matrix(path: Path) -> bool:
    """Whether the module's ``pytestmark`` holds ``pytest.mark.access_matrix``."""
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "pytestmark" for target in node.targets
        ):
            return any(
                isinstance(part, ast.Attribute) and part.attr == "access_matrix"
                for part in ast.walk(node.value)
            )
    return False


def matrix_modules() -> list[str]:
    """The test modules marked ``access_matrix``, relative to the project."""
    return sorted(
        path.relative_to(ROOT).as_posix()
        for path in TESTS.rglob("test_*.py")
        if _marks_access_matrix(path)
    )


def _ran_here(config) -> bool:
    """Every test of every matrix module was selected in this session and ran."""
    selected = config.stash[MATRIX_SELECTED]
    modules = {nodeid.split("::", 1)[0] for nodeid in selected}
    return (
        set(matrix_modules()) <= modules
        and not config.stash[MATRIX_DESELECTED]
        and selected <= config.stash[MATRIX_RAN]
    )


def _requested_in_a_subprocess(tmp_path) -> set[str]:
    record = tmp_path / "requested.txt"
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-m",
        "access_matrix",
        "-p",
        "no:cacheprovider",
        *matrix_modules(),
    ]
    done = subprocess.run(
        command,
        cwd=ROOT,
        env={**os.environ, RECORD_FILE_ENV: str(record)},
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0 or not record.exists():
        pytest.fail(
            "The access-matrix tests did not pass, so their coverage cannot be judged:\n"
            + done.stdout[-4000:]
            + done.stderr[-2000:]
        )
    return set(record.read_text(encoding="utf-8").split())


def test_every_view_is_covered_by_an_access_matrix(request, tmp_path):
    if _ran_here(request.config):
        requested = request.config.stash[REQUESTED]
    else:
        requested = _requested_in_a_subprocess(tmp_path)
    names = url_names()
    uncovered = sorted(set(names) - requested - set(PUBLIC))
    assert not uncovered, (
        "No access-matrix test (a module marked `access_matrix`, driving every role through "
        "its views) requests these views; add their rows to the matrix of their app or, for "
        "a page that decides no access, an entry to PUBLIC:\n  " + "\n  ".join(uncovered)
    )
    assert set(PUBLIC) <= set(names), "PUBLIC names a view that is not in the URLconf"


def test_a_view_without_a_name_can_never_count_as_covered():
    """The recorder notes names; a view without one shows as its pattern, which no test
    can request, so it fails the test above until it is named."""
    from django.http import HttpResponse
    from django.urls import include, path

    def view(request):
        return HttpResponse()

    inner = ([path("named/", view, name="named"), path("bare/", view)], "inner")
    patterns = [path("top/", view, name="top"), path("x/", view), path("in/", include(inner))]
    assert url_names(patterns) == ["top", "<unnamed: x/>", "inner:named", "<unnamed: bare/>"]
