"""The trajectory pages: list and inbox, referral, the trajectory with its actions."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from werkpad.core import clock, privacy
from werkpad.core.errors import AccessError, DomainError, InvalidInputError
from werkpad.core.forms import show_refusal
from werkpad.core.models import AuditEvent
from werkpad.core.pagination import IdFirstPaginator
from werkpad.core.permissions import Role, scope_of
from werkpad.jobseekers import selectors as jobseeker_selectors
from werkpad.trajectories import handover, rules, selectors, services
from werkpad.trajectories.forms import (
    EndReportForm,
    EvaluationForm,
    ProgressReportForm,
    ReferralForm,
)
from werkpad.trajectories.models import Trajectory
from werkpad.trajectories.workflow import ALLOWED_TRANSITIONS, ENDED, Status

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

PAGE_SIZE = 25


@login_required
def trajectory_list(request):
    try:
        queryset = selectors.trajectory_list(
            user=request.user, filters=request.GET, purpose=AuditEvent.Purpose.TRAJECTORY_LIST
        )
    except InvalidInputError as error:
        messages.error(request, _("A filter was not valid and was left out: %s") % error.message)
        queryset = selectors.trajectory_list(
            user=request.user, purpose=AuditEvent.Purpose.TRAJECTORY_LIST
        )
    page = IdFirstPaginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [
        {
            "t": t,
            "name": t.job_seeker.full_name
            if request.user.has_perm("trajectories.view_handover", t)
            else None,
            "overdue": selectors.report_overdue(t),
        }
        for t in page
    ]
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "trajectories/list.html",
        {
            "page": page,
            "rows": rows,
            "query": query.urlencode(),
            "statuses": Status.choices,
            "status": request.GET.get("status", ""),
            "is_coach": scope_of(request.user).has(Role.COACH),
        },
    )


@login_required
def trajectory_refer(request, job_seeker_id: int):
    if not request.user.has_perm("trajectories.refer"):
        raise PermissionDenied
    job_seeker = jobseeker_selectors.jobseeker_get(
        user=request.user, id=job_seeker_id, purpose=AuditEvent.Purpose.REFERRAL
    )
    programmes = selectors.referable_programmes(job_seeker=job_seeker)
    form = ReferralForm(request.POST or None, programmes=programmes)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            trajectory = services.trajectory_refer(
                user=request.user,
                job_seeker_id=job_seeker.pk,
                programme_id=data["programme"],
                reason=data["reason"],
                handover_fields=data["handover_fields"],
                ask_health_consent=data["ask_health_consent"],
                alternative_ids=data["alternatives"],
                alternatives_note=data["alternatives_note"],
                activity_format=data["activity_format"],
                group_alternative=data["group_alternative"],
                target_group_reason=data["target_group_reason"],
            )
        except AccessError:
            raise
        except DomainError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The referral is sent to the provider."))
            return redirect("trajectories:detail", id=trajectory.pk)
    show_health = request.user.has_perm("jobseekers.view_restricted", job_seeker)
    needs = handover.needs_of(job_seeker, include_health=show_health, on=clock.today())
    matches = [
        {
            "programme": p,
            "serves_rung": p.serves_rung(job_seeker.ladder_rung),
            "outside": handover.outside_target_group(
                job_seeker, p, on=clock.today(), include_restricted=show_health
            ),
            "needs": handover.expertise_match(needs, p.staff_expertise),
        }
        for p in programmes
    ]
    return render(
        request,
        "trajectories/refer.html",
        {
            "form": form,
            "js": job_seeker,
            "needs": needs,
            "matches": matches,
            "required": [handover.label(f) for f in handover.REQUIRED_FIELDS],
        },
        status=400 if request.method == "POST" else 200,
    )


def _actions(user, trajectory: Trajectory) -> dict[str, bool]:
    """Which action forms the page offers: the lifecycle's next steps this user may take."""
    nexts = ALLOWED_TRANSITIONS[trajectory.status]
    coach = rules.is_coach_of(user, trajectory)
    caseworker = rules.is_caseworker_of(user, trajectory)
    return {
        "accept": coach and Status.ACCEPTED in nexts,
        "decline": coach and Status.DECLINED in nexts,
        "start": coach and Status.STARTED in nexts and trajectory.status == Status.ACCEPTED,
        "suspend": coach and Status.SUSPENDED in nexts,
        "resume": coach and trajectory.status == Status.SUSPENDED,
        "complete": coach and Status.COMPLETED in nexts,
        "end_early": (coach or caseworker) and Status.ENDED_EARLY in nexts,
        "report": coach and trajectory.status in (Status.STARTED, Status.SUSPENDED),
        "evaluate": (coach or caseworker)
        and trajectory.status in (Status.COMPLETED, Status.ENDED_EARLY)
        and not hasattr(trajectory, "evaluation"),
    }


@login_required
def trajectory_detail(request, id: int):
    trajectory = selectors.trajectory_get(
        user=request.user, id=id, purpose=AuditEvent.Purpose.TRAJECTORY
    )
    user = request.user
    reports = selectors.progress_report_list(user=user, trajectory=trajectory)
    if trajectory.job_seeker.user_id == user.pk:
        return render(
            request,
            "trajectories/mine.html",
            {
                "t": trajectory,
                "reports": reports,
                "history": selectors.history_list(trajectory=trajectory),
            },
        )
    actions = _actions(user, trajectory)
    health_consent = selectors.health_consented(trajectory)
    health_allowed = health_consent and rules.is_coach_of(user, trajectory)
    return render(
        request,
        "trajectories/detail.html",
        {
            "t": trajectory,
            "handover": selectors.handover_rows(user=user, trajectory=trajectory),
            "handover_closed": trajectory.status in ENDED,
            "referral_reasons_visible": selectors.referral_reasons_visible(user, trajectory),
            "provider_keeps_years": privacy.PROVIDER_KEEPS_OWN_RECORDS_YEARS,
            "matches": selectors.needs_match(user=user, trajectory=trajectory),
            "history": selectors.history_list(trajectory=trajectory),
            "reports": reports,
            "actions": actions,
            "overdue": selectors.report_overdue(trajectory),
            "report_form": ProgressReportForm(health_allowed=health_allowed)
            if actions["report"]
            else None,
            "health_allowed": health_allowed,
            "health_consent": health_consent,
            "is_caseworker": rules.is_caseworker_of(user, trajectory),
        },
    )


#: The actions of the trajectory page: URL name -> (service, needs a reason, message).
_SIMPLE: dict[str, tuple[Callable[..., Trajectory], bool, StrOrPromise]] = {
    "accepteren": (services.trajectory_accept, False, gettext_lazy("You accepted the referral.")),
    "afwijzen": (services.trajectory_decline, True, gettext_lazy("You declined the referral.")),
    "starten": (services.trajectory_start, False, gettext_lazy("The trajectory has started.")),
    "onderbreken": (
        services.trajectory_suspend,
        True,
        gettext_lazy("The trajectory is suspended."),
    ),
    "hervatten": (services.trajectory_resume, False, gettext_lazy("The trajectory is resumed.")),
    "voortijdig-beeindigen": (
        services.trajectory_end_early,
        True,
        gettext_lazy("The trajectory has ended early."),
    ),
}


@login_required
@require_POST
def trajectory_action(request, id: int, action: str):
    if action not in _SIMPLE:
        raise Http404
    service, needs_reason, done = _SIMPLE[action]
    kwargs = {"user": request.user, "trajectory_id": id}
    try:
        kwargs["expected_version"] = int(request.POST.get("version") or 0)
    except ValueError:
        kwargs["expected_version"] = 0
    if needs_reason or action == "hervatten":
        kwargs["reason"] = request.POST.get("reason", "")
    try:
        service(**kwargs)
    except AccessError:
        raise
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, str(done))
    return redirect("trajectories:detail", id=id)


@login_required
@require_POST
def progress_report_create(request, id: int):
    trajectory = selectors.trajectory_for_action(user=request.user, id=id, action="report")
    form = ProgressReportForm(request.POST, health_allowed=selectors.health_consented(trajectory))
    if form.is_valid():
        try:
            services.progress_report_create(
                user=request.user, trajectory_id=id, **form.cleaned_data
            )
        except AccessError:
            raise
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The progress report is saved."))
    else:
        messages.error(request, _("Describe the progress."))
    return redirect("trajectories:detail", id=id)


@login_required
def trajectory_complete(request, id: int):
    trajectory = selectors.trajectory_get(
        user=request.user, id=id, purpose=AuditEvent.Purpose.END_REPORT, for_action="complete"
    )
    form = EndReportForm(request.POST or None, initial={"version": trajectory.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.trajectory_complete(
                user=request.user,
                trajectory_id=id,
                expected_version=form.cleaned_data["version"],
                end_report=form.end_report(),
            )
        except AccessError:
            raise
        except DomainError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The trajectory is completed with its end report."))
            return redirect("trajectories:detail", id=id)
    return render(
        request,
        "trajectories/complete.html",
        {"t": trajectory, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def trajectory_evaluate(request, id: int):
    trajectory = selectors.trajectory_get(
        user=request.user, id=id, purpose=AuditEvent.Purpose.EVALUATION, for_action="evaluate"
    )
    form = EvaluationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.trajectory_evaluate(
                user=request.user, trajectory_id=id, data=form.cleaned_data
            )
        except AccessError:
            raise
        except DomainError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The evaluation is saved."))
            return redirect("trajectories:detail", id=id)
    return render(
        request,
        "trajectories/evaluate.html",
        {"t": trajectory, "form": form},
        status=400 if request.method == "POST" else 200,
    )
