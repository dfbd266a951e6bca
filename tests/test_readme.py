"""The README tells the truth: its API table lists exactly the paths and methods of the
OpenAPI document, and it states the BSN search limit the code enforces."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from werkpad.jobseekers.filters import MAX_BSN_DIGITS_IN_SEARCH

README = Path(__file__).resolve().parent.parent / "README.md"
API_PREFIX = "/api/v1"
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")


def readme_api_table() -> dict[str, set[str]]:
    """The README's API table: path (without the prefix) -> the methods it names."""
    text = README.read_text(encoding="utf-8")
    section = text.split("## The API", 1)[1].split("\n## ", 1)[0]
    rows: dict[str, set[str]] = {}
    for line in section.splitlines():
        match = re.match(r"\|\s*`(/api/v1[^`]*)`\s*\|(.*)\|\s*$", line)
        if match:
            path = match.group(1).removeprefix(API_PREFIX)
            rows[path] = {m for m in METHODS if f"`{m}`" in match.group(2)}
    return rows


@pytest.fixture(scope="module")
def openapi(django_db_blocker):
    from rest_framework.test import APIClient

    with django_db_blocker.unblock():
        response = APIClient().get(f"{API_PREFIX}/openapi.json")
    assert response.status_code == 200
    return {
        path: {method.upper() for method in operations if method.upper() in METHODS}
        for path, operations in response.json()["paths"].items()
    }


def test_every_openapi_path_is_in_the_readme_with_its_methods(openapi):
    table = readme_api_table()
    missing = sorted(set(openapi) - set(table))
    assert not missing, f"API paths missing from the README's API table: {missing}"
    for path, methods in openapi.items():
        assert table[path] == methods, (path, table[path], methods)


def test_the_readme_lists_no_path_the_api_does_not_have(openapi):
    unknown = sorted(set(readme_api_table()) - set(openapi))
    assert not unknown, f"README lists API paths that do not exist: {unknown}"


def test_the_readme_states_the_bsn_search_limit_the_code_has():
    text = README.read_text(encoding="utf-8")
    assert f"at most {MAX_BSN_DIGITS_IN_SEARCH} digits" in text
    assert "four digits" not in text and "last four" not in text
