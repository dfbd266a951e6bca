"""Mediation (RI4): an independent mediator between the job seeker and the municipality
or the provider, about a trajectory (also while it runs). A ``MediationRequest`` holds
the reason, the mediator (independent of the municipality and the provider), the
sessions and the outcome; the status history is append-only."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from werkpad.core import clock
from werkpad.core.lifecycle import StatusChangeBase
from werkpad.core.models import Municipality, VersionedModel
from werkpad.jobseekers.models import JobSeeker
from werkpad.mediations.workflow import Status
from werkpad.trajectories.models import Trajectory

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class RequestedBy(models.TextChoices):
    CASEWORKER = "caseworker", _("The caseworker")
    JOB_SEEKER = "job_seeker", _("The job seeker")


class Outcome(models.TextChoices):
    AGREEMENT = "agreement", _("Agreement reached")
    PARTLY = "partly", _("Partial agreement")
    NONE = "none", _("No agreement")


class MediationRequest(VersionedModel):
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", verbose_name=_("municipality")
    )
    job_seeker = models.ForeignKey(
        JobSeeker,
        on_delete=models.PROTECT,
        related_name="mediations",
        verbose_name=_("job seeker"),
    )
    trajectory = models.ForeignKey(
        Trajectory,
        on_delete=models.PROTECT,
        related_name="mediations",
        verbose_name=_("trajectory"),
    )
    reason = models.TextField(_("what the disagreement is about"))
    requested_by = models.CharField(_("requested by"), max_length=12, choices=RequestedBy.choices)
    requested_by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("requested by (user)"),
    )
    requested_on = models.DateField(_("requested on"), default=clock.today)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.REQUESTED
    )
    mediator_name = models.CharField(_("mediator"), max_length=200, blank=True)
    mediator_organisation = models.CharField(
        _("mediator's organisation"), max_length=200, blank=True
    )
    appointed_on = models.DateField(_("appointed on"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices, blank=True)
    outcome_text = models.TextField(_("what was agreed"), blank=True)
    concluded_on = models.DateField(_("concluded on"), null=True, blank=True)
    withdrawal_reason = models.TextField(_("why withdrawn"), blank=True)

    class Meta:
        ordering = ["-requested_on", "-id"]
        verbose_name = _("mediation")
        verbose_name_plural = _("mediations")
        indexes = [
            models.Index(fields=["municipality", "status"], name="mediation_list_idx"),
        ]

    def __str__(self) -> str:
        return str(_("Mediation about %(subject)s") % {"subject": self.trajectory.programme.name})

    @property
    def status_label(self) -> StrOrPromise:
        return Status(self.status).label


class Session(models.Model):
    """One mediation session. Its notes are for the job seeker and the municipality; the
    provider (the other party) sees that it was held, not the notes."""

    mediation = models.ForeignKey(
        MediationRequest,
        on_delete=models.CASCADE,
        related_name="sessions",
        verbose_name=_("mediation"),
    )
    held_on = models.DateField(_("held on"))
    notes = models.TextField(_("notes"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=clock.now)

    class Meta:
        ordering = ["held_on", "id"]
        verbose_name = _("mediation session")
        verbose_name_plural = _("mediation sessions")

    def __str__(self) -> str:
        return f"{self.mediation_id}: {self.held_on}"


class StatusChange(StatusChangeBase):
    statuses = Status

    mediation = models.ForeignKey(
        MediationRequest,
        on_delete=models.CASCADE,
        related_name="history",
        verbose_name=_("mediation"),
    )

    class Meta(StatusChangeBase.Meta):
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
