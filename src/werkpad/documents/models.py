"""Documents (WT3): CVs, diplomas, certificates, letters and other papers of a job seeker,
attached to their file, a plan or a trajectory.

The file itself lives in the storage named "documents" (settings.STORAGES: the local
filesystem or an S3-compatible bucket) under a random name; nothing of the job seeker is
in that name, and no URL of the storage is ever handed out: werkpad serves the content
itself, audited (``selectors.document_open``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.core.files.storage import Storage, storages
from django.db import models
from django.utils.translation import gettext_lazy as _

from werkpad.consents import parts
from werkpad.core import clock
from werkpad.core.models import Municipality
from werkpad.jobseekers.models import JobSeeker
from werkpad.plans.models import Plan
from werkpad.trajectories.models import Trajectory

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def document_storage() -> Storage:
    """The storage named "documents", looked up at each call (a test may point it
    elsewhere); every read and write of a document's content goes through it."""
    return storages["documents"]


class Type(models.TextChoices):
    CV = "cv", _("CV")
    DIPLOMA = "diploma", _("Diploma")
    CERTIFICATE = "certificate", _("Certificate")
    LETTER = "letter", _("Letter")
    OTHER = "other", _("Other")


#: The types that belong to the part "work and skills" of the file (consents.parts.WORK):
#: a provider's coach reads them when the job seeker shares that part with the provider.
WORK_TYPES = (Type.CV, Type.DIPLOMA, Type.CERTIFICATE)


class MalwareCheck(models.TextChoices):
    CLEAN = "clean", _("checked for malware: clean")
    NOT_CHECKED = "not_checked", _("not checked for malware")


class Document(models.Model):
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", verbose_name=_("municipality")
    )
    job_seeker = models.ForeignKey(
        JobSeeker, on_delete=models.PROTECT, related_name="documents", verbose_name=_("job seeker")
    )
    plan = models.ForeignKey(
        Plan,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="documents",
        verbose_name=_("plan"),
    )
    trajectory = models.ForeignKey(
        Trajectory,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="documents",
        verbose_name=_("trajectory"),
    )
    type = models.CharField(_("type"), max_length=12, choices=Type.choices)
    health = models.BooleanField(
        _("health information"),
        default=False,
        help_text=_("Governed by the job seeker's consent to share health information."),
    )
    description = models.CharField(_("description"), max_length=300, blank=True)
    # The content is read and written through ``document_storage()`` only.
    file = models.FileField(_("file"), storage=document_storage, max_length=200)
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), default=clock.now)
    malware_check = models.CharField(
        _("malware check"), max_length=12, choices=MalwareCheck.choices
    )

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        indexes = [models.Index(fields=["job_seeker", "-uploaded_at"], name="document_list_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(plan__isnull=True) | models.Q(trajectory__isnull=True),
                name="document_plan_or_trajectory",
            )
        ]

    def __str__(self) -> str:
        return self.original_name

    @property
    def part(self) -> str | None:
        """The part of the file a consent covers for this document: health information is
        the part "health", a CV, diploma or certificate the part "work"; None for the rest,
        which goes to no provider by consent."""
        if self.health:
            return parts.HEALTH
        if self.type in WORK_TYPES:
            return parts.WORK
        return None

    @property
    def type_label(self) -> StrOrPromise:
        return Type(self.type).label

    @property
    def checked(self) -> bool:
        return self.malware_check == MalwareCheck.CLEAN
