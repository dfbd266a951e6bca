"""The grants on the job seeker's file page (IN2): ``file_grants``."""

from __future__ import annotations

from django import template

from werkpad.core.models import AuditEvent
from werkpad.grants import selectors
from werkpad.grants.forms import GrantCancelForm

register = template.Library()


@register.inclusion_tag("grants/_file_section.html", takes_context=True)
def file_grants(context, job_seeker):
    """The file's grants for whoever may see them; nothing for anyone else."""
    user = context["request"].user
    return {
        "shown": user.has_perm("grants.list_grant"),
        "grants": selectors.job_seeker_grants(
            user=user, job_seeker_id=job_seeker.pk, purpose=AuditEvent.Purpose.GRANTS
        ),
        "may_grant": user.has_perm("grants.add_grant", job_seeker),
        "js": job_seeker,
        "cancel_form": GrantCancelForm(),
        "csrf_token": context.get("csrf_token"),
    }
