"""Secure messages (WT2): a ``Conversation`` of a job seeker with their contact person
(one per job seeker) or with the coach of a trajectory (one per trajectory), its
``Message``s, append-only, and per user a ``Participant`` row: the last message they
read (for the unread counts) and, for a caseworker in a coach's conversation, that they
joined it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from werkpad.core import clock
from werkpad.core.models import Organisation
from werkpad.documents.models import Document
from werkpad.jobseekers.models import JobSeeker
from werkpad.trajectories.models import Trajectory

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class Kind(models.TextChoices):
    CONTACT = "contact", _("With the contact person")
    TRAJECTORY = "trajectory", _("With the coach")


class Conversation(models.Model):
    job_seeker = models.ForeignKey(
        JobSeeker,
        on_delete=models.PROTECT,
        related_name="conversations",
        verbose_name=_("job seeker"),
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    trajectory = models.ForeignKey(
        Trajectory,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="conversations",
        verbose_name=_("trajectory"),
    )
    #: The organisation of the trajectory's provider (its coaches take part); the
    #: trajectory's provider never changes, so it is kept here for the access rules.
    provider_organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("provider's organisation"),
    )
    created_at = models.DateTimeField(_("started at"), default=clock.now)
    last_message_at = models.DateTimeField(_("last message at"), null=True, blank=True)

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")
        constraints = [
            models.UniqueConstraint(
                fields=["job_seeker"],
                condition=models.Q(kind="contact"),
                name="conversation_one_contact",
            ),
            models.UniqueConstraint(fields=["trajectory"], name="conversation_one_per_trajectory"),
            models.CheckConstraint(
                condition=(
                    models.Q(
                        kind="contact",
                        trajectory__isnull=True,
                        provider_organisation__isnull=True,
                    )
                    | models.Q(
                        kind="trajectory",
                        trajectory__isnull=False,
                        provider_organisation__isnull=False,
                    )
                ),
                name="conversation_kind_trajectory",
            ),
        ]
        indexes = [models.Index(fields=["-last_message_at", "-id"], name="conversation_list_idx")]

    def __str__(self) -> str:
        return str(self.title)

    @property
    def title(self) -> StrOrPromise:
        if self.kind == Kind.CONTACT:
            return _("With the contact person")
        assert self.trajectory is not None
        return _("With the coach of %(programme)s") % {"programme": self.trajectory.programme.name}


class AppendOnlyError(Exception):
    """A message is never changed nor deleted: a correction is a new message."""


class MessageQuerySet(models.QuerySet["Message"]):
    def update(self, **kwargs: Any) -> int:
        raise AppendOnlyError("messages cannot be changed")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("messages cannot be deleted")


class Message(models.Model):
    conversation = models.ForeignKey(
        Conversation,
        on_delete=models.PROTECT,
        related_name="messages",
        verbose_name=_("conversation"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("author"),
    )
    #: What the author was in this conversation: the job seeker, a caseworker, a coach.
    author_role = models.CharField(_("as"), max_length=30)
    body = models.TextField(_("message"))
    sent_at = models.DateTimeField(_("sent at"), default=clock.now)
    #: A document sent with the message (WT3): on the trajectory in the coach's
    #: conversation, on the file in the contact person's; whoever reads the thread sees it
    #: only as far as ``documents.view_document`` lets them.
    attachment = models.ForeignKey(
        Document,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="messages",
        verbose_name=_("attachment"),
    )

    objects = MessageQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        indexes = [models.Index(fields=["conversation", "id"], name="message_thread_idx")]

    def __str__(self) -> str:
        return f"{self.conversation_id}: {self.pk}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("messages cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("messages cannot be deleted")


class Participant(models.Model):
    """One user in one conversation: what they read last, and whether they joined (a
    caseworker in the coach's conversation, who then gets its messages)."""

    conversation = models.ForeignKey(
        Conversation,
        on_delete=models.CASCADE,
        related_name="participants",
        verbose_name=_("conversation"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("user"),
    )
    #: The id of the last message the user read (0: none yet).
    last_read_id = models.PositiveBigIntegerField(_("last message read"), default=0)
    joined_at = models.DateTimeField(_("joined at"), null=True, blank=True)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(fields=["conversation", "user"], name="participant_once"),
        ]

    def __str__(self) -> str:
        return f"{self.conversation_id}: {self.user_id}"
