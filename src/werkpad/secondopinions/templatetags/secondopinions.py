"""Second opinions on pages other apps own: the caseworker's view of the job seeker's
file."""

from django import template

from werkpad.secondopinions import selectors

register = template.Library()


@register.inclusion_tag("secondopinions/_file_section.html", takes_context=True)
def file_second_opinions(context, job_seeker):
    """On a caseworker's view of a file: the second opinions and the way to refer."""
    user = context["request"].user
    return {
        "js": job_seeker,
        "second_opinions": selectors.job_seeker_second_opinions(
            user=user, job_seeker_id=job_seeker.pk
        ),
        "may_refer": user.has_perm("secondopinions.refer")
        and user.has_perm("jobseekers.change_jobseeker", job_seeker)
        and job_seeker.left_on is None,
    }
