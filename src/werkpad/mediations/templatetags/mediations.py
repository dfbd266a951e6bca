"""Mediations on the caseworker's view of the job seeker's file."""

from django import template

from werkpad.mediations import selectors

register = template.Library()


@register.inclusion_tag("mediations/_file_section.html", takes_context=True)
def file_mediations(context, job_seeker):
    user = context["request"].user
    return {
        "js": job_seeker,
        "mediations": selectors.job_seeker_mediations(user=user, job_seeker_id=job_seeker.pk),
        "may_request": user.has_perm("jobseekers.change_jobseeker", job_seeker)
        and job_seeker.trajectories.exists(),
    }
