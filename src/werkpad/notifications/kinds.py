"""The kinds of notification: what happened, whatever the topic."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    ASSIGNED = "assigned", _("Something is assigned to you")
    TERM_NEAR = "term_near", _("A term nears")
    TERM_PASSED = "term_passed", _("A term has passed")
    MESSAGE = "message", _("A new message")
