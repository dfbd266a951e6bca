"""Domain errors: a stable code for machines and a clear message for people."""

from __future__ import annotations

from django.utils import translation

from werkpad.core.errors import (
    ConflictError,
    DomainError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    StaleEditError,
)


def test_a_stale_edit_says_what_happened_and_what_to_do():
    with translation.override("en"):
        error = StaleEditError(current_version=4)
        assert error.message == (
            "Someone else changed this record while you were editing it (it is now at "
            "version 4). Reload it, check their changes and make yours again."
        )
    assert error.current_version == 4
    assert isinstance(error, ConflictError)
    assert (error.status, error.code) == (409, "stale-edit")
    assert str(error) == error.message


def test_errors_carry_their_http_status_and_stable_code():
    assert (DomainError().status, DomainError().code) == (400, "domain-error")
    assert (PermissionDeniedError().status, PermissionDeniedError().code) == (
        403,
        "permission-denied",
    )
    assert (NotFoundError().status, NotFoundError().code) == (404, "not-found")
    assert (ConflictError().status, ConflictError().code) == (409, "conflict")


def test_a_domain_error_without_a_message_shows_its_title():
    with translation.override("en"):
        assert DomainError().message == "The action was refused"
        assert NotFoundError().message == "Not found"


def test_a_code_and_a_field_can_be_given_per_refusal():
    error = ConflictError("Already accepted.", code="referral-accepted", field="status")
    assert (error.code, error.field, error.message) == (
        "referral-accepted",
        "status",
        "Already accepted.",
    )
    assert ConflictError.code == "conflict"


def test_invalid_input_names_every_field_with_its_messages():
    error = InvalidInputError({"bsn": ["Not valid."], "ladder_rung": ["Too high.", "Not 7."]})
    assert error.errors == {"bsn": ["Not valid."], "ladder_rung": ["Too high.", "Not 7."]}
    assert error.message == "bsn: Not valid.; ladder_rung: Too high. Not 7."
    assert (error.status, error.code) == (400, "invalid")
