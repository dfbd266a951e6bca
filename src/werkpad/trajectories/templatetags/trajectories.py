"""Trajectory sections on pages other apps own: the job seeker's file and own pages."""

from django import template

from werkpad.trajectories import selectors

register = template.Library()


@register.inclusion_tag("trajectories/_file_section.html", takes_context=True)
def file_trajectories(context, job_seeker):
    """On a caseworker's view of a file: the trajectories and the way to refer."""
    user = context["request"].user
    return {
        "js": job_seeker,
        "trajectories": selectors.job_seeker_trajectories(user=user, job_seeker_id=job_seeker.pk),
        "may_refer": user.has_perm("trajectories.refer")
        and user.has_perm("jobseekers.change_jobseeker", job_seeker),
    }


@register.inclusion_tag("trajectories/_portal_section.html", takes_context=True)
def own_trajectories(context, job_seeker):
    """On the job seeker's own pages: what their trajectory is, and why (TR1, RI1)."""
    user = context["request"].user
    return {
        "trajectories": selectors.job_seeker_trajectories(user=user, job_seeker_id=job_seeker.pk)
    }
