"""Domain errors: a stable code for machines and a translated message for people.

Services raise these; the UI shows ``message`` and the API answers with
problem+json whose ``code`` is the stable code.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class DomainError(Exception):
    """A business rule refused the action. Nothing was written."""

    status = 400
    code = "domain-error"
    title = _("The action was refused")

    def __init__(
        self, message: str | None = None, *, code: str | None = None, field: str | None = None
    ):
        self.message = message if message is not None else str(self.title)
        if code is not None:
            self.code = code
        self.field = field
        super().__init__(self.message)

    def __str__(self) -> str:
        return str(self.message)


class AccessError(DomainError):
    """Not found, or not allowed: never a refusal shown on a form. A page answers 404 or 403
    (``core.middleware.DomainErrorMiddleware``), the API the same as problem+json."""


class PermissionDeniedError(AccessError):
    status = 403
    code = "permission-denied"
    title = _("You may not do this")


class NotFoundError(AccessError):
    status = 404
    code = "not-found"
    title = _("Not found")


class ConflictError(DomainError):
    """The action conflicts with the current state of the record."""

    status = 409
    code = "conflict"
    title = _("Conflict with the current state")


class StaleEditError(ConflictError):
    code = "stale-edit"
    title = _("Someone else changed this record")

    def __init__(self, *, current_version: int):
        self.current_version = current_version
        super().__init__(
            _(
                "Someone else changed this record while you were editing it (it is now at "
                "version %(version)s). Reload it, check their changes and make yours again."
            )
            % {"version": current_version}
        )


class InvalidInputError(DomainError):
    """One or more fields are not valid; ``errors`` maps each field to its messages."""

    code = "invalid"
    title = _("The input is not valid")

    def __init__(
        self,
        errors: Mapping[str, Sequence[StrOrPromise]],
        *,
        codes: Mapping[str, str] | None = None,
    ):
        self.errors = {name: [str(m) for m in messages] for name, messages in errors.items()}
        #: A stable code per field where the refusal has one of its own (default "invalid").
        self.codes = dict(codes or {})
        summary = "; ".join(f"{name}: {' '.join(msgs)}" for name, msgs in self.errors.items())
        super().__init__(summary)
