"""Matching as sections of other pages: the search profile on the job seeker's file (for
the caseworker) and, on the job seeker's /mijn/, a line when an employer asks to meet
them."""

from __future__ import annotations

from django import template

from werkpad.matching import selectors
from werkpad.matching.models import Limitation

register = template.Library()


@register.inclusion_tag("matching/_file_section.html", takes_context=True)
def file_search_profile(context, job_seeker):
    """``{% file_search_profile js %}`` on the file page; nothing for who does not keep
    the profile."""
    user = context["request"].user
    if not user.has_perm("matching.change_searchprofile", job_seeker):
        return {"hidden": True}
    _job_seeker, profile = selectors.search_profile_get(user=user, job_seeker_id=job_seeker.pk)
    labels = dict(Limitation.choices)
    restricted = user.has_perm("jobseekers.view_restricted", job_seeker)
    return {
        "show_restricted": restricted,
        "js": job_seeker,
        "profile": profile,
        "current": profile is not None and selectors.is_current(profile),
        "limitations": [
            labels.get(code, code)
            for code in (profile.limitations if profile and restricted else [])
        ],
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("matching/_own_line.html")
def own_introductions(job_seeker):
    """``{% own_introductions js %}`` on the job seeker's home: how many requests wait."""
    return {"open": selectors.open_introduction_count(job_seeker_id=job_seeker.pk)}
