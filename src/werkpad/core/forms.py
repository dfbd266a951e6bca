"""Shared form behaviour of the UI."""

from __future__ import annotations

from werkpad.core.errors import DomainError, InvalidInputError


def show_refusal(form, error: DomainError) -> None:
    """Put a service's refusal on the form: each invalid field at that field,
    anything else (a rule, a stale edit) above the form."""
    if isinstance(error, InvalidInputError):
        for name, messages in error.errors.items():
            for message in messages:
                form.add_error(name if name in form.fields else None, message)
    else:
        form.add_error(None, error.message)
