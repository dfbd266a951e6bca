"""One lifecycle mechanism for every object that moves through statuses.

A lifecycle is data (``Lifecycle``): its statuses, the transition table, which
transitions need a written reason, and the words of each refusal. ``transition``
is the one way to move an object along it: it checks the table, appends a row
to the object's history (a model built on ``StatusChangeBase``) and sets the
new status. The caller holds the object locked, saves it and writes the audit
row in the same transaction (``transaction.atomic`` around the service). A
refused transition is a ``TransitionRefusedError``: 409 in the API with the
lifecycle's code, the refusal's words on a page.

Plans and trajectories use it now; complaints, second opinions, vacancies and
advice requests will declare a ``Lifecycle`` and a history model the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from django.conf import settings
from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkpad.core import clock
from werkpad.core.errors import ConflictError, InvalidInputError
from werkpad.core.permissions import AnyUser


class StatusChangeBase(models.Model):
    """One step in an object's lifecycle: appended, never edited.

    A lifecycle's history model inherits it, adds the foreign key to its object
    with ``related_name="history"`` and names its statuses in ``statuses``.
    """

    #: The lifecycle's status choices, for the labels.
    statuses: type[models.TextChoices]

    from_status = models.CharField(gettext_lazy("from"), max_length=30, blank=True)
    to_status = models.CharField(gettext_lazy("to"), max_length=30)
    changed_at = models.DateTimeField(gettext_lazy("when"), default=clock.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=gettext_lazy("who"),
    )
    reason = models.TextField(gettext_lazy("why"), blank=True)

    class Meta:
        abstract = True
        ordering = ["changed_at", "id"]

    def __str__(self) -> str:
        return f"{self.from_status or '-'} -> {self.to_status}"

    def get_to_status_display(self) -> str:
        return str(self.statuses(self.to_status).label)

    def get_from_status_display(self) -> str:
        return str(self.statuses(self.from_status).label) if self.from_status else ""


class TransitionRefusedError(ConflictError):
    """The lifecycle does not allow this step from the object's current status."""

    def __init__(self, message: str, *, code: str, current: str, target: str) -> None:
        self.current, self.target = current, target
        super().__init__(message, code=code)


@dataclass(frozen=True)
class Lifecycle:
    """A lifecycle as data.

    ``transitions`` maps each status to the statuses it may become. A named
    ``step`` leads to a status; ``step_to`` names the step for each target when
    the caller names none, and ``step_sources`` narrows a step to the statuses
    it may start from (starting is from accepted, resuming from suspended, both
    towards started). ``refusals[step][current]`` says in that step's own words
    why it is refused from ``current`` (``%(status)s`` is the current status);
    ``fallback`` says it for any other pair (``%(current)s``, ``%(target)s``).
    """

    name: str
    statuses: type[models.TextChoices]
    transitions: Mapping[str, frozenset[str]]
    refused_code: str
    fallback: str | Promise
    reason_required: frozenset[str] = frozenset()
    step_to: Mapping[str, str] = field(default_factory=dict)
    step_sources: Mapping[str, frozenset[str]] = field(default_factory=dict)
    refusals: Mapping[str, Mapping[str, str | Promise]] = field(default_factory=dict)
    #: Whether the refusal's words show status labels in lower case (mid-sentence).
    lower_labels: bool = False

    def allows(self, current: str, target: str, step: str | None = None) -> bool:
        if target not in self.transitions.get(current, frozenset()):
            return False
        return step is None or current in self.step_sources.get(step, frozenset({current}))

    def label(self, status: str) -> str:
        text = str(self.statuses(status).label)
        return text.lower() if self.lower_labels else text

    def refusal(self, current: str, target: str, step: str | None = None) -> str:
        """Why ``step`` (towards ``target``) is refused from ``current``."""
        message = self.refusals.get(step or self.step_to.get(target, ""), {}).get(current)
        if message is None:
            return str(self.fallback) % {
                "current": self.label(current),
                "target": self.label(target),
            }
        return str(message) % {"status": self.label(current)}

    def check(
        self, current: str, target: str, *, reason: str = "", step: str | None = None
    ) -> None:
        """Refuse a step the table does not allow, in its own words, or one that needs a
        reason without it."""
        if not self.allows(current, target, step):
            raise TransitionRefusedError(
                self.refusal(current, target, step),
                code=self.refused_code,
                current=current,
                target=target,
            )
        if target in self.reason_required and not reason.strip():
            raise InvalidInputError({"reason": [_("Give the reason.")]})


class _History(Protocol):
    """The related manager of a lifecycle's history model (``obj.history``)."""

    def create(self, **values: Any) -> StatusChangeBase: ...


class _HasHistory(Protocol):
    status: str

    # Read-only: a model's related manager (``RelatedManager[PlanStatusChange]``) is one.
    @property
    def history(self) -> _History: ...


def begin(
    obj: _HasHistory, status: str, *, user: AnyUser | None, reason: str = ""
) -> StatusChangeBase:
    """The first row of a new object's history: from nothing to ``status``. The object is
    saved already."""
    obj.status = status
    return obj.history.create(
        from_status="", to_status=status, changed_at=clock.now(), changed_by=user, reason=reason
    )


def transition(
    obj: _HasHistory,
    target: str,
    *,
    lifecycle: Lifecycle,
    user: AnyUser | None,
    reason: str = "",
    step: str | None = None,
) -> StatusChangeBase:
    """Move ``obj`` to ``target`` if ``lifecycle`` allows it and append the history row.

    The caller holds ``obj`` locked, saves it and audits in the same transaction.
    """
    lifecycle.check(obj.status, target, reason=reason, step=step)
    change = obj.history.create(
        from_status=obj.status,
        to_status=target,
        changed_at=clock.now(),
        changed_by=user,
        reason=reason.strip(),
    )
    obj.status = target
    return change
