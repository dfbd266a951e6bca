"""The referrals, placements and self-employment routes on the job seeker's file page
(MA2-MA4): ``file_placements``."""

from __future__ import annotations

from django import template

from werkpad.core.models import AuditEvent
from werkpad.placements import selectors

register = template.Library()


@register.inclusion_tag("placements/_file_section.html", takes_context=True)
def file_placements(context, job_seeker):
    """For the caseworkers of the file; nothing for anyone else."""
    user = context["request"].user
    shown = user.has_perm("placements.add_placement", job_seeker)
    referrals, placements, routes = (
        selectors.job_seeker_placements(
            user=user, job_seeker_id=job_seeker.pk, purpose=AuditEvent.Purpose.PLACEMENTS
        )
        if shown
        else ([], [], [])
    )
    return {
        "shown": shown,
        "js": job_seeker,
        "referrals": referrals,
        "placements": placements,
        "routes": routes,
    }
