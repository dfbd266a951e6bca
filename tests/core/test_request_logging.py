"""A refused request is logged as one line; a server error keeps its traceback."""

from __future__ import annotations

import logging
import sys

import pytest

from werkpad.core.log import ClientErrorWithoutTraceback
from werkpad.core.permissions import Role

pytestmark = pytest.mark.django_db


def test_a_403_in_the_web_pages_is_logged_as_one_line_without_traceback(client, role_user, caplog):
    client.force_login(role_user(Role.COACH))
    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = client.get("/inzicht/samenstelling/")
    assert response.status_code == 403
    [record] = [r for r in caplog.records if r.name == "django.request"]
    assert record.levelno == logging.WARNING
    assert record.getMessage() == "Forbidden (Permission denied): /inzicht/samenstelling/"
    assert record.exc_info is None
    formatted = logging.Formatter().format(record)
    assert "Traceback" not in formatted and "\n" not in formatted


def _record(status: int) -> logging.LogRecord:
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        exc_info = sys.exc_info()
    record = logging.LogRecord(
        "django.request", logging.ERROR, __file__, 1, "Failed: %s", ("/x",), exc_info
    )
    record.status_code = status
    return record


def test_a_server_error_keeps_its_traceback():
    record = _record(500)
    assert ClientErrorWithoutTraceback().filter(record) is True
    assert record.exc_info is not None
    assert "Traceback" in logging.Formatter().format(record)


def test_the_filter_drops_only_the_traceback_of_a_client_error():
    record = _record(400)
    assert ClientErrorWithoutTraceback().filter(record) is True
    assert record.exc_info is None
    assert logging.Formatter().format(record) == "Failed: /x"
