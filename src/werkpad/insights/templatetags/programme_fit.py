"""The "Programmes that fit" section on a caseworker's view of a job seeker's file (PR3)."""

from django import template

from werkpad.insights.fit import programme_fit_list
from werkpad.jobseekers.rules import is_caseworker_of

register = template.Library()

#: How many programmes the file shows; the full page shows them all.
SECTION_SIZE = 5


@register.inclusion_tag("insights/fit_section.html", takes_context=True)
def file_programme_fit(context, job_seeker):
    """The best-ranked programmes that fit, for caseworkers of the municipality; nothing for
    anyone else (the job seeker reading their own file)."""
    user = context["request"].user
    if not is_caseworker_of(user, job_seeker):
        return {"show": False}
    fit = programme_fit_list(user=user, job_seeker=job_seeker)
    return {
        "show": True,
        "js": job_seeker,
        "fit": fit,
        "rows": fit.rows[:SECTION_SIZE],
        "more": max(0, len(fit) - SECTION_SIZE),
    }
