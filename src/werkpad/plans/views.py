"""The plan pages: the caseworker's (write, share, review) and the job seeker's own (read,
comment, answer)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from werkpad.core.errors import AccessError, DomainError, InvalidInputError
from werkpad.core.filters import parse_id
from werkpad.core.forms import save_form, show_refusal
from werkpad.core.models import AuditEvent, MunicipalitySettings
from werkpad.core.pagination import IdFirstPaginator
from werkpad.jobseekers import selectors as jobseeker_selectors
from werkpad.plans import selectors, services
from werkpad.plans.forms import (
    AgreementForm,
    CommentForm,
    DisagreementForm,
    PlanForm,
    ReviewForm,
    RevisionForm,
)
from werkpad.plans.workflow import OPEN, Status


def _plan_for_change(request, id: int, purpose: str):
    """The plan for the caseworker's pages (read with ``purpose``), or None for the job
    seeker whose plan it is: they go to their own page. The selector decides who may."""
    try:
        return selectors.plan_get(user=request.user, id=id, purpose=purpose, for_action="change")
    except selectors.OwnPlanError:
        return None


def _may_change_or_refuse(request, id: int):
    """Before a form is read: None when the user may change the plan, the job seeker's own
    page when it is theirs; 404 or 403 otherwise (the selector's decision)."""
    try:
        selectors.plan_for_action(user=request.user, id=id, action="change")
    except selectors.OwnPlanError:
        return redirect("myplan:plan")
    return None


def _parts(plan) -> dict:
    """The versions of a plan read through ``plan_get``, by their role."""
    versions = plan.shown_versions
    current = next((v for v in versions if v.pk == plan.current_version_id), None)
    latest = versions[0] if versions else None
    return {
        "current": current,
        "open": latest if latest is not None and latest.status in OPEN else None,
        "latest": latest,
    }


@login_required
def plan_create(request, job_seeker_id: int):
    if not request.user.has_perm("plans.add_plan"):
        raise PermissionDenied
    jobseeker_selectors.jobseeker_for_action(user=request.user, id=job_seeker_id, action="change")
    existing = selectors.plan_id_for_job_seeker(user=request.user, job_seeker_id=job_seeker_id)
    if existing is not None:
        return redirect("plans:detail", id=existing)
    job_seeker = jobseeker_selectors.jobseeker_get(
        user=request.user, id=job_seeker_id, purpose=AuditEvent.Purpose.WRITE_PLAN
    )
    form = PlanForm(
        request.POST or None,
        municipality=job_seeker.municipality,
        initial={
            "kind": "activation" if job_seeker.ladder_rung <= 4 else "integration",
            "target_rung": min(job_seeker.ladder_rung + 1, 6),
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.plan_create(
                user=request.user, job_seeker_id=job_seeker.pk, data=form.changes()
            )
        except AccessError:
            raise
        except DomainError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The plan is saved as a draft."))
            return redirect("plans:detail", id=plan.pk)
    return render(
        request,
        "plans/form.html",
        {"form": form, "js": job_seeker, "plan": None},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def plan_detail(request, id: int):
    plan = _plan_for_change(request, id, AuditEvent.Purpose.PLAN)
    if plan is None:
        return redirect("myplan:plan")
    return render(
        request,
        "plans/detail.html",
        {
            "plan": plan,
            "js": plan.job_seeker,
            **_parts(plan),
            "comment_form": CommentForm(),
            "revision_form": RevisionForm(),
            "review_form": ReviewForm(),
            "review_months": MunicipalitySettings.of(plan.municipality).plan_review_months,
            "Status": Status,
        },
    )


@login_required
def plan_edit(request, id: int):
    plan = _plan_for_change(request, id, AuditEvent.Purpose.EDIT_PLAN)
    if plan is None:
        return redirect("myplan:plan")
    draft = _parts(plan)["open"]
    if draft is None or draft.status != Status.DRAFT:
        messages.error(request, _("Only a draft can be changed. Start a new version first."))
        return redirect("plans:detail", id=plan.pk)
    form = PlanForm(
        request.POST or None,
        instance=draft,
        municipality=plan.municipality,
        plan_version=plan.version,
    )
    edit = save_form(
        request,
        form,
        lambda version: services.plan_update(
            user=request.user,
            plan_id=plan.pk,
            expected_version=version,
            data=form.changes(),
        ),
    )
    if edit.ok:
        messages.success(request, _("The changes are saved."))
        return redirect("plans:detail", id=plan.pk)
    return render(
        request,
        "plans/form.html",
        {"form": form, "js": plan.job_seeker, "plan": plan, "stale": edit.stale},
        status=edit.status,
    )


def _action(request, id: int, act, success: str):
    refused = _may_change_or_refuse(request, id)
    if refused is not None:
        return refused
    try:
        act()
    except AccessError:
        raise
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, success)
    return redirect("plans:detail", id=id)


def _version(request) -> int | None:
    return parse_id(request.POST.get("version", ""))


@login_required
@require_POST
def plan_propose(request, id: int):
    return _action(
        request,
        id,
        lambda: services.plan_propose(
            user=request.user, plan_id=id, expected_version=_version(request)
        ),
        _("The plan is shared with the job seeker. They can now read it and answer."),
    )


@login_required
@require_POST
def plan_withdraw(request, id: int):
    return _action(
        request,
        id,
        lambda: services.plan_withdraw(
            user=request.user, plan_id=id, expected_version=_version(request)
        ),
        _("The proposal is back in draft."),
    )


@login_required
@require_POST
def plan_revise(request, id: int):
    form = RevisionForm(request.POST)
    if not form.is_valid():
        refused = _may_change_or_refuse(request, id)
        if refused is not None:
            return refused
        messages.error(request, _("Say why a new version is needed."))
        return redirect("plans:detail", id=id)
    return _action(
        request,
        id,
        lambda: services.plan_revise(
            user=request.user,
            plan_id=id,
            reason=form.cleaned_data["reason"],
            expected_version=_version(request),
        ),
        _("A new draft version is started from the latest one."),
    )


@login_required
@require_POST
def plan_review(request, id: int):
    form = ReviewForm(request.POST)
    if not form.is_valid():
        refused = _may_change_or_refuse(request, id)
        if refused is not None:
            return refused
        for errors in form.errors.values():
            for error in errors:
                # An ErrorList yields its messages as text; the stub adds ValidationError.
                messages.error(request, error)  # type: ignore[arg-type]
        return redirect("plans:detail", id=id)
    data = form.cleaned_data
    return _action(
        request,
        id,
        lambda: services.plan_review(
            user=request.user,
            plan_id=id,
            rung_reconsidered=data.get("rung_reconsidered", False),
            instruments_reconsidered=data.get("instruments_reconsidered", False),
            notes=data.get("notes", ""),
            changes_needed=data.get("changes_needed", False),
            expected_version=_version(request),
        ),
        _("The review is recorded."),
    )


@login_required
@require_POST
def plan_comment(request, id: int):
    refused = _may_change_or_refuse(request, id)
    if refused is not None:
        return refused
    form = CommentForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write a comment first."))
        return redirect("plans:detail", id=id)
    return _action(
        request,
        id,
        lambda: services.plan_comment(
            user=request.user, plan_id=id, text=form.cleaned_data["text"]
        ),
        _("Your comment is saved."),
    )


# --- the job seeker's own plan (/mijn/plan/) ---------------------------------


def _own_job_seeker(request):
    return jobseeker_selectors.jobseeker_get_own(user=request.user)


def _own_plan_id(request) -> int:
    job_seeker_id = (
        jobseeker_selectors.jobseeker_scope(user=request.user)
        .filter(user_id=request.user.pk)
        .values_list("pk", flat=True)
        .first()
    )
    plan_id = (
        selectors.plan_id_for_job_seeker(user=request.user, job_seeker_id=job_seeker_id)
        if job_seeker_id is not None
        else None
    )
    if plan_id is None:
        raise Http404
    return plan_id


def _my_plan_page(request, *, status: int = 200, reason: str = ""):
    """The job seeker's plan page as the plan is now; ``reason`` refills the disagreement."""
    job_seeker = _own_job_seeker(request)
    plan = selectors.plan_get_own(user=request.user)
    months = MunicipalitySettings.for_id(job_seeker.municipality_id).plan_review_months
    context = {"js": job_seeker, "plan": plan, "review_months": months}
    if plan is not None:
        context.update(
            {
                **_parts(plan),
                "comment_form": CommentForm(),
                "disagreement_form": DisagreementForm(initial={"reason": reason}),
                "Status": Status,
            }
        )
    return render(request, "plans/mine.html", context, status=status)


@login_required
def my_plan(request):
    return _my_plan_page(request)


def _answer(request, act, success: str, form=None):
    plan_id = _own_plan_id(request)
    if form is not None and not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("myplan:plan")
    try:
        act(plan_id)
    except services.PlanChangedError as error:
        # The plan changed after the page showed it: show it again as it is now.
        messages.error(request, error.message)
        reason = form.cleaned_data.get("reason", "") if form is not None else ""
        return _my_plan_page(request, status=409, reason=reason)
    except AccessError:
        raise
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, success)
    return redirect("myplan:plan")


@login_required
@require_POST
def my_plan_agree(request):
    form = AgreementForm(request.POST)
    return _answer(
        request,
        lambda plan_id: services.plan_agree(
            user=request.user, plan_id=plan_id, expected_version=form.cleaned_data["version"]
        ),
        _("Thank you. You agreed to the plan; it applies from today."),
        form,
    )


@login_required
@require_POST
def my_plan_disagree(request):
    form = DisagreementForm(request.POST)
    return _answer(
        request,
        lambda plan_id: services.plan_disagree(
            user=request.user,
            plan_id=plan_id,
            expected_version=form.cleaned_data["version"],
            reason=form.cleaned_data["reason"],
        ),
        _("Your disagreement and your reason are recorded. Your contact person will read them."),
        form,
    )


@login_required
@require_POST
def my_plan_comment(request):
    form = CommentForm(request.POST)
    return _answer(
        request,
        lambda plan_id: services.plan_comment(
            user=request.user, plan_id=plan_id, text=form.cleaned_data["text"]
        ),
        _("Your comment is saved. Your contact person can read it."),
        form,
    )


PAGE_SIZE = 25


@login_required
def plan_list(request):
    """The caseworker's plans, the most urgent review first, filtered by status."""
    if not request.user.has_perm("plans.list_municipality_plans"):
        raise PermissionDenied
    filters = {"status": request.GET.get("status", "")}
    try:
        queryset = selectors.plan_list(
            user=request.user, filters=filters, purpose=AuditEvent.Purpose.PLAN_LIST
        )
    except InvalidInputError as error:
        messages.error(request, _("A filter was not valid and was left out: %s") % error.message)
        filters = {}
        queryset = selectors.plan_list(
            user=request.user, filters={}, purpose=AuditEvent.Purpose.PLAN_LIST
        )
    page = IdFirstPaginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "plans/list.html",
        {
            "page": page,
            "statuses": Status.choices,
            "chosen": filters.get("status", ""),
            "query": f"status={filters['status']}" if filters.get("status") else "",
        },
    )
