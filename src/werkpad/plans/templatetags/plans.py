"""The plan's state as a section of the job seeker's file and of their own pages."""

from __future__ import annotations

from django import template

from werkpad.plans.selectors import plan_summary

register = template.Library()


@register.inclusion_tag("plans/_file_section.html", takes_context=True)
def file_plan(context, job_seeker):
    """``{% file_plan js %}`` on the caseworker's view of a file."""
    user = context["request"].user
    return {
        "js": job_seeker,
        "summary": plan_summary(user=user, job_seeker_id=job_seeker.pk),
        "may_add": user.has_perm("plans.add_plan")
        and user.has_perm("jobseekers.change_jobseeker", job_seeker),
    }


@register.inclusion_tag("plans/_own_section.html", takes_context=True)
def own_plan(context, job_seeker):
    """``{% own_plan js %}`` on the job seeker's own pages."""
    return {"summary": plan_summary(user=context["request"].user, job_seeker_id=job_seeker.pk)}
