"""Second opinions (RI3, seed 004): the independent labour advisor's advice about a
programme offered or a trajectory that runs, and the caseworker's decision on it.

A ``SecondOpinion`` is about one subject: a programme (offered, not yet referred) or a
trajectory (running or referred). It holds the job seeker's question, the advisor's
office and the advisor it is assigned to, the term the advice is due in
(``MunicipalitySettings.second_opinion_term_weeks``, computed by ``core.deadlines``), any
other expert consulted instead or as well, the advice, the meeting about it and the
decision with its motivation. The status history is append-only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkpad.core import clock
from werkpad.core.lifecycle import StatusChangeBase
from werkpad.core.models import Municipality, Organisation, VersionedModel
from werkpad.jobseekers.models import JobSeeker
from werkpad.providers.models import Programme
from werkpad.secondopinions.workflow import Status
from werkpad.trajectories.models import Trajectory

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class RequestedBy(models.TextChoices):
    CASEWORKER = "caseworker", _("Referred by the caseworker")
    JOB_SEEKER = "job_seeker", _("Asked by the job seeker")


class OtherExpertMode(models.TextChoices):
    """Seed 004: the job seeker may use the period to consult another expert as well,
    or instead of the independent advisor."""

    AS_WELL = "as_well", _("As well as the independent advisor")
    INSTEAD = "instead", _("Instead of the independent advisor")


class Decision(models.TextChoices):
    FOLLOWS = "follows", _("Follows the advice")
    PARTLY_FOLLOWS = "partly_follows", _("Partly follows the advice")
    REJECTS = "rejects", _("Does not follow the advice")


#: The decisions that need a motivation answering the advice (``motivation.check``).
NEEDS_MOTIVATION = frozenset({Decision.PARTLY_FOLLOWS, Decision.REJECTS})


class SecondOpinion(VersionedModel):
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="second_opinions",
        verbose_name=_("municipality"),
    )
    job_seeker = models.ForeignKey(
        JobSeeker,
        on_delete=models.PROTECT,
        related_name="second_opinions",
        verbose_name=_("job seeker"),
    )
    programme = models.ForeignKey(
        Programme,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="second_opinions",
        verbose_name=_("programme offered"),
    )
    trajectory = models.ForeignKey(
        Trajectory,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="second_opinions",
        verbose_name=_("trajectory"),
    )
    question = models.TextField(
        _("question"), help_text=_("What the job seeker doubts or disagrees with.")
    )
    requested_by = models.CharField(_("requested by"), max_length=12, choices=RequestedBy.choices)
    requested_by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("requested by (user)"),
    )
    requested_on = models.DateField(_("requested on"), default=clock.today)
    term_ends_on = models.DateField(_("advice due by"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.REQUESTED
    )
    advisor_office = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="second_opinions",
        verbose_name=_("advisor's office"),
    )
    advisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="second_opinions_assigned",
        verbose_name=_("advisor"),
    )
    # Another expert (seed 004: a union official, for example)
    other_expert_name = models.CharField(_("other expert's name"), max_length=200, blank=True)
    other_expert_organisation = models.CharField(
        _("other expert's organisation"), max_length=200, blank=True
    )
    other_expert_role = models.CharField(_("other expert's role"), max_length=200, blank=True)
    other_expert_mode = models.CharField(
        _("other expert consulted"), max_length=10, choices=OtherExpertMode.choices, blank=True
    )
    other_expert_advice = models.TextField(_("other expert's advice"), blank=True)
    # The advice
    advice = models.TextField(_("advice"), blank=True)
    advice_by_other_expert = models.BooleanField(
        _("the advice is the other expert's"), default=False
    )
    advised_at = models.DateTimeField(_("advised at"), null=True, blank=True)
    advised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("advice written by"),
    )
    # The meeting about the advice
    meeting_held_on = models.DateField(_("meeting held on"), null=True, blank=True)
    meeting_with = models.CharField(_("present"), max_length=300, blank=True)
    meeting_notes = models.TextField(_("what was discussed"), blank=True)
    # The decision
    decision = models.CharField(_("decision"), max_length=20, choices=Decision.choices, blank=True)
    motivation = models.TextField(_("motivation"), blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )
    withdrawal_reason = models.TextField(_("why withdrawn"), blank=True)

    class Meta:
        ordering = ["term_ends_on", "id"]
        verbose_name = _("second opinion")
        verbose_name_plural = _("second opinions")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(programme__isnull=False, trajectory__isnull=True)
                    | models.Q(programme__isnull=True, trajectory__isnull=False)
                ),
                name="second_opinion_one_subject",
            )
        ]
        indexes = [
            models.Index(fields=["municipality", "status", "term_ends_on"], name="so_list_idx"),
            models.Index(fields=["advisor", "status", "term_ends_on"], name="so_advisor_idx"),
        ]

    def __str__(self) -> str:
        return str(_("Second opinion about %(subject)s") % {"subject": self.subject_name})

    @property
    def subject_name(self) -> str:
        if self.trajectory is not None:
            return self.trajectory.programme.name
        return self.programme.name if self.programme is not None else ""

    @property
    def status_label(self) -> StrOrPromise:
        return Status(self.status).label

    @property
    def waiting_for_advice(self) -> bool:
        return self.status in (Status.REQUESTED, Status.ASSIGNED)

    @property
    def overdue(self) -> bool:
        return self.waiting_for_advice and self.term_ends_on < clock.today()

    @property
    def term_met(self) -> bool | None:
        """Whether the advice came within the term (None while it has not come)."""
        if self.advised_at is None:
            return None
        return timezone.localdate(self.advised_at) <= self.term_ends_on


class StatusChange(StatusChangeBase):
    """One step in a second opinion's life: appended, never edited."""

    statuses = Status

    second_opinion = models.ForeignKey(
        SecondOpinion,
        on_delete=models.CASCADE,
        related_name="history",
        verbose_name=_("second opinion"),
    )

    class Meta(StatusChangeBase.Meta):
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
