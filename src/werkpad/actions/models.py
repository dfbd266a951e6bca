"""Agreed actions (WT1): what someone does next, by when, on a plan or a trajectory.

An ``Action`` belongs to exactly one plan or one trajectory (a check constraint), has a
description in plain words, an owner (the job seeker, the contact person, or the coach
of the trajectory), a due date and a status (``workflow``). Whether "done" waits for the
other party's approval is copied from the plan when the action is made
(``Plan.actions_need_approval``), so changing the plan's setting later changes no
running action. ``ActionTemplate`` holds a municipality's common actions with their
default term. The status history is append-only (``StatusChange``)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from werkpad.actions.workflow import OPEN, Status
from werkpad.core import clock
from werkpad.core.lifecycle import StatusChangeBase
from werkpad.core.models import Municipality, VersionedModel
from werkpad.jobseekers.models import JobSeeker
from werkpad.plans.models import Plan
from werkpad.trajectories.models import Trajectory

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class Owner(models.TextChoices):
    JOB_SEEKER = "job_seeker", _("The job seeker")
    CONTACT_PERSON = "contact_person", _("The contact person")
    COACH = "coach", _("The coach")


_USER = settings.AUTH_USER_MODEL


class Action(VersionedModel):
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", verbose_name=_("municipality")
    )
    job_seeker = models.ForeignKey(
        JobSeeker, on_delete=models.CASCADE, related_name="actions", verbose_name=_("job seeker")
    )
    plan = models.ForeignKey(
        Plan,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="actions",
        verbose_name=_("plan"),
    )
    trajectory = models.ForeignKey(
        Trajectory,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="actions",
        verbose_name=_("trajectory"),
    )
    description = models.CharField(_("what to do"), max_length=300)
    owner = models.CharField(_("who does it"), max_length=20, choices=Owner.choices)
    due_on = models.DateField(_("due on"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    needs_approval = models.BooleanField(
        _("done waits for approval"),
        default=False,
        help_text=_("Copied from the plan when the action was made."),
    )
    created_by = models.ForeignKey(
        _USER, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("made by")
    )
    completed_at = models.DateTimeField(_("marked done at"), null=True, blank=True)
    completed_by = models.ForeignKey(
        _USER,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("marked done by"),
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    approved_by = models.ForeignKey(
        _USER,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("approved by"),
    )
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    cancelled_by = models.ForeignKey(
        _USER,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("cancelled by"),
    )
    cancel_reason = models.TextField(_("why cancelled"), blank=True)

    #: What the user reading it may do now (``selectors.with_offers``; no column).
    offers: dict[str, bool]

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        constraints = [
            models.CheckConstraint(
                condition=(Q(plan__isnull=False) & Q(trajectory__isnull=True))
                | (Q(plan__isnull=True) & Q(trajectory__isnull=False)),
                name="action_plan_xor_trajectory",
            ),
            models.CheckConstraint(
                condition=~Q(owner="coach") | Q(trajectory__isnull=False),
                name="action_coach_only_on_trajectory",
            ),
        ]
        indexes = [
            models.Index(fields=["municipality", "status", "due_on"], name="action_due_idx"),
            models.Index(fields=["job_seeker", "status"], name="action_job_seeker_idx"),
        ]

    def __str__(self) -> str:
        return self.description

    @property
    def status_label(self) -> StrOrPromise:
        return Status(self.status).label

    @property
    def owner_label(self) -> StrOrPromise:
        return Owner(self.owner).label

    @property
    def is_open(self) -> bool:
        return self.status in OPEN

    def overdue(self, day: dt.date | None = None) -> bool:
        return self.status == Status.OPEN and self.due_on < (day or clock.today())


class StatusChange(StatusChangeBase):
    """One step in an action's life: appended, never edited."""

    statuses = Status

    action = models.ForeignKey(
        Action, on_delete=models.CASCADE, related_name="history", verbose_name=_("action")
    )

    class Meta(StatusChangeBase.Meta):
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")


class ActionTemplate(models.Model):
    """A common action of a municipality ("CV bijwerken") with who usually does it and
    its default term; the functional administrator keeps them."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="action_templates",
        verbose_name=_("municipality"),
    )
    description = models.CharField(_("what to do"), max_length=300)
    owner = models.CharField(_("who usually does it"), max_length=20, choices=Owner.choices)
    term_days = models.PositiveSmallIntegerField(
        _("default term (days)"), validators=[MinValueValidator(1), MaxValueValidator(365)]
    )
    active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["description", "id"]
        verbose_name = _("action template")
        verbose_name_plural = _("action templates")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "description"], name="action_template_unique"
            )
        ]

    def __str__(self) -> str:
        return self.description

    @property
    def owner_label(self) -> StrOrPromise:
        return Owner(self.owner).label
