"""Agreed actions as sections of other pages: the plan's and the trajectory's pages, the
job seeker's /mijn/ (their own first) and each progress report (the actions of its
period)."""

from __future__ import annotations

from django import template
from django.urls import reverse
from django.utils import timezone

from werkpad.actions import selectors
from werkpad.actions.models import Owner
from werkpad.actions.workflow import Status
from werkpad.core.permissions import Role, scope_of

register = template.Library()


def _staff(user) -> bool:
    return scope_of(user).has(Role.CASEWORKER, Role.COACH)


@register.inclusion_tag("actions/_section.html", takes_context=True)
def plan_actions(context, plan):
    """``{% plan_actions plan %}`` on the caseworker's plan page and the job seeker's."""
    request = context["request"]
    user = request.user
    _plan, actions = selectors.plan_actions_get(user=user, plan_id=plan.pk)
    may_add = user.has_perm("actions.add_to_plan", plan)
    return {
        "request": request,
        "actions": selectors.with_offers(user=user, actions=list(actions)),
        "staff": _staff(user),
        "own": not _staff(user),
        "may_add": may_add,
        "add_url": reverse("actions:plan-create", args=[plan.pk]),
        "activities_url": reverse("actions:plan-activities", args=[plan.pk]),
        "approval_url": reverse("actions:plan-approval", args=[plan.pk]) if may_add else "",
        "plan_version": plan.version,
        "needs_approval": plan.actions_need_approval,
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("actions/_section.html", takes_context=True)
def trajectory_actions(context, trajectory):
    """``{% trajectory_actions trajectory %}`` on the trajectory's page."""
    request = context["request"]
    user = request.user
    _trajectory, actions = selectors.trajectory_actions_get(user=user, trajectory_id=trajectory.pk)
    return {
        "request": request,
        "actions": selectors.with_offers(user=user, actions=list(actions)),
        "staff": _staff(user),
        "own": not _staff(user),
        "may_add": user.has_perm("actions.add_to_trajectory", trajectory),
        "add_url": reverse("actions:trajectory-create", args=[trajectory.pk]),
        "needs_approval": None,
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("actions/_own_section.html", takes_context=True)
def own_actions(context, job_seeker):
    """``{% own_actions js %}`` at the top of /mijn/: what the job seeker is to do (and to
    approve), the earliest due first; done and cancelled ones stay on /mijn/acties/."""
    request = context["request"]
    user = request.user
    rows = [
        a
        for a in selectors.own_actions(user=user, job_seeker_id=job_seeker.pk)
        if a.status == Status.OPEN
        or (a.status == Status.AWAITING_APPROVAL and a.owner != Owner.JOB_SEEKER)
    ]
    return {
        "request": request,
        "actions": selectors.with_offers(user=user, actions=rows),
        "todo": sum(1 for a in rows if a.owner == Owner.JOB_SEEKER),
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("actions/_report.html", takes_context=True)
def report_actions(context, report):
    """``{% report_actions r %}`` in a progress report: the trajectory's actions of the
    report's period (since the report before it, or the start), done and not done."""
    user = context["request"].user
    previous = (
        report.trajectory.progress_reports.filter(written_at__lt=report.written_at)
        .order_by("-written_at")
        .values_list("written_at", flat=True)
        .first()
    )
    since = timezone.localdate(previous) if previous else report.trajectory.started_on
    return {
        "actions": selectors.report_period_actions(
            user=user,
            trajectory_id=report.trajectory_id,
            since=since,
            until=timezone.localdate(report.written_at),
        )
    }
