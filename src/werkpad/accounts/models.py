"""Users and their memberships (user x organisation x role)."""

from __future__ import annotations

import datetime as dt

# The helper Django's own User.has_perm calls; django-stubs leaves it out (it is private).
from django.contrib.auth.models import AbstractUser, _user_has_perm  # type: ignore[attr-defined]
from django.db import models
from django.utils.translation import gettext_lazy as _

from werkpad.core.models import Organisation
from werkpad.core.permissions import Role


class User(AbstractUser):
    """A person who logs in. What they may do follows from their memberships.

    The login itself is a pluggable backend (username and password here; DigiD
    or eHerkenning through an OIDC broker in production); domain code never
    assumes which.
    """

    phone = models.CharField(_("phone"), max_length=20, blank=True)
    #: Away until and including this date (WT2); null: not away.
    away_until = models.DateField(_("away until"), null=True, blank=True)
    #: The colleague (same organisation and role) who takes over while away (WT2).
    stand_in = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="standing_in_for",
        verbose_name=_("stand-in"),
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    def is_away(self, on: dt.date) -> bool:
        """Away on ``on``: an ``away_until`` on or after that day."""
        return self.away_until is not None and self.away_until >= on

    def has_perm(self, perm, obj=None) -> bool:
        """Permissions follow roles only: being a superuser opens no one's file."""
        return self.is_active and _user_has_perm(self, perm, obj)


class Membership(models.Model):
    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("user")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "role"], name="membership_unique_role"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.organisation}"
