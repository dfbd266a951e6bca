"""Consents: which parts of a job seeker's file may go to whom (RI5, TR4).

One current row per job seeker, recipient, organisation and part; its status moves
along ``workflow.LIFECYCLE`` and every change is appended to ``ConsentChange`` with
who recorded it and how it was given.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from werkpad.consents import parts
from werkpad.consents.workflow import Channel, Status
from werkpad.core.lifecycle import StatusChangeBase
from werkpad.core.models import Municipality, Organisation, VersionedModel
from werkpad.jobseekers.models import JobSeeker


class Consent(VersionedModel):
    class Recipient(models.TextChoices):
        PROVIDER = "provider", _("provider of a trajectory")
        ADVISOR = "advisor", _("independent advisor")
        EMPLOYERS = "employers", _("employers")

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("municipality"),
    )
    job_seeker = models.ForeignKey(
        JobSeeker,
        on_delete=models.PROTECT,
        related_name="consents",
        verbose_name=_("job seeker"),
    )
    recipient = models.CharField(_("recipient"), max_length=20, choices=Recipient.choices)
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("organisation"),
        help_text=_("The provider or advisor's office; empty for employers."),
    )
    part = models.CharField(_("part of the file"), max_length=20, choices=parts.CHOICES)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.REQUESTED
    )
    channel = models.CharField(
        _("how it was given"), max_length=20, choices=Channel.choices, blank=True
    )
    requested_reason = models.TextField(_("why it was asked"), blank=True)

    class Meta:
        ordering = ["recipient", "organisation_id", "part", "id"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        constraints = [
            models.UniqueConstraint(
                fields=["job_seeker", "recipient", "organisation", "part"],
                condition=models.Q(organisation__isnull=False),
                name="consent_one_per_organisation_part",
            ),
            models.UniqueConstraint(
                fields=["job_seeker", "recipient", "part"],
                condition=models.Q(organisation__isnull=True),
                name="consent_one_per_recipient_part",
            ),
            models.CheckConstraint(
                condition=models.Q(recipient="employers", organisation__isnull=True)
                | (~models.Q(recipient="employers") & models.Q(organisation__isnull=False)),
                name="consent_organisation_unless_employers",
            ),
            models.CheckConstraint(
                condition=~models.Q(recipient="employers", part=parts.HEALTH),
                name="consent_no_health_to_employers",
            ),
        ]
        indexes = [
            models.Index(fields=["job_seeker", "recipient", "organisation"], name="consent_idx")
        ]

    def __str__(self) -> str:
        return f"{self.get_part_display()} -> {self.get_recipient_display()}"

    @property
    def part_info(self) -> parts.Part:
        return parts.PARTS[self.part]


class ConsentChange(StatusChangeBase):
    """One change of a consent: appended, never edited; ``channel`` says how it was given
    and ``changed_by`` who recorded it."""

    statuses = Status

    consent = models.ForeignKey(
        Consent, on_delete=models.CASCADE, related_name="history", verbose_name=_("consent")
    )
    channel = models.CharField(
        _("how it was given"), max_length=20, choices=Channel.choices, blank=True
    )

    class Meta(StatusChangeBase.Meta):
        verbose_name = _("consent change")
        verbose_name_plural = _("consent changes")
