"""A domain error a page lets through becomes its HTTP answer in one place
(``DomainErrorMiddleware``), as the API's exception handler does for the API."""

from __future__ import annotations

import pytest
from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import RequestFactory

from werkpad.core.errors import (
    ConflictError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    StaleEditError,
)
from werkpad.core.forms import save_form
from werkpad.core.middleware import DomainErrorMiddleware

pytestmark = pytest.mark.django_db


@pytest.fixture
def middleware():
    return DomainErrorMiddleware(lambda request: None)


def page(path="/werkzoekenden/1/"):
    request = RequestFactory().get(path)
    request.user = None
    return request


def test_not_found_is_404_and_not_allowed_403(middleware):
    with pytest.raises(Http404):
        middleware.process_exception(page(), NotFoundError(code="x-not-found"))
    with pytest.raises(PermissionDenied):
        middleware.process_exception(page(), PermissionDeniedError(code="x-denied"))


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (ConflictError("Dit traject is al beëindigd.", code="x"), 409),
        (InvalidInputError({"reason": ["Geef de reden."]}), 400),
    ],
)
def test_any_other_refusal_is_the_refusal_page_with_its_status_and_message(
    middleware, error, status, settings
):
    settings.LANGUAGE_CODE = "nl"
    response = middleware.process_exception(page(), error)
    assert response.status_code == status
    html = response.content.decode()
    assert error.message in html and "Er is niets opgeslagen." in html


def test_the_api_and_other_exceptions_are_left_alone(middleware):
    assert middleware.process_exception(page("/api/v1/plans/1"), NotFoundError()) is None
    assert middleware.process_exception(page(), ValueError("boom")) is None


def test_a_page_that_lets_a_not_found_through_answers_404(client, caseworker):
    client.force_login(caseworker)
    assert client.get("/werkzoekenden/999999/").status_code == 404
    assert client.get("/trajecten/999999/").status_code == 404
    assert client.get("/plannen/999999/").status_code == 404


class TestSaveForm:
    """The one helper for a versioned edit on a page."""

    class Form(forms.Form):
        version = forms.IntegerField()
        name = forms.CharField()

    def post(self, **data):
        return RequestFactory().post("/", data)

    def test_a_saved_edit_passes_the_version_and_returns_what_the_service_did(self):
        form = self.Form({"version": "3", "name": "x"})
        seen = []
        edit = save_form(self.post(), form, lambda version: seen.append(version) or "saved")
        assert (edit.ok, edit.saved, seen) == (True, "saved", [3])

    def test_a_stale_version_is_409_with_the_message_above_the_form(self):
        form = self.Form({"version": "3", "name": "x"})

        def stale(version):
            raise StaleEditError(current_version=4)

        edit = save_form(self.post(), form, stale)
        assert (edit.ok, edit.stale, edit.status) == (False, True, 409)
        assert "versie 4" in form.non_field_errors()[0]

    def test_another_refusal_shows_at_its_field_with_400(self):
        form = self.Form({"version": "3", "name": "x"})

        def refuse(version):
            raise InvalidInputError({"name": ["Te lang."]})

        edit = save_form(self.post(), form, refuse)
        assert (edit.ok, edit.stale, edit.status) == (False, False, 400)
        assert form.errors["name"] == ["Te lang."]

    def test_a_first_view_calls_nothing_and_is_200(self):
        edit = save_form(RequestFactory().get("/"), self.Form(), lambda version: 1 / 0)
        assert (edit.ok, edit.status) == (False, 200)
