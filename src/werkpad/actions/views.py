"""The pages of agreed actions (WT1): the staff's list per owner and one action with its
steps, making actions on a plan or trajectory (also from the plan's agreed activities in
one step), the plan's approval setting, the functional administrator's templates, and
the job seeker's own under /mijn/acties/."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.http import HttpRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from werkpad.actions import selectors, services
from werkpad.actions.forms import (
    ActionForm,
    ApprovalSettingForm,
    ApproveForm,
    CancelForm,
    CompleteForm,
    TemplateForm,
)
from werkpad.actions.models import Owner
from werkpad.actions.rules import TEMPLATE_EDITORS
from werkpad.actions.workflow import OPEN, Status
from werkpad.core import clock
from werkpad.core.decorators import role_required
from werkpad.core.errors import (
    AccessError,
    DomainError,
    InvalidInputError,
)
from werkpad.core.forms import show_refusal
from werkpad.core.models import AuditEvent, Municipality
from werkpad.core.pagination import IdFirstPaginator
from werkpad.core.permissions import Role, acting_municipality_id
from werkpad.jobseekers import selectors as jobseeker_selectors
from werkpad.plans import services as plan_services
from werkpad.plans.models import Plan

PURPOSE = AuditEvent.Purpose.ACTIONS
staff_only = role_required(Role.CASEWORKER, Role.COACH)
caseworker_only = role_required(Role.CASEWORKER)
job_seeker_only = role_required(Role.JOB_SEEKER)
admin_only = role_required(*TEMPLATE_EDITORS)


def _back(request: HttpRequest, fallback: str) -> str:
    """Where a step returns to: the page it was taken on (``next``), else ``fallback``."""
    wanted = request.POST.get("next", "")
    if wanted and url_has_allowed_host_and_scheme(wanted, allowed_hosts={request.get_host()}):
        return wanted
    return fallback


# --- the staff's pages -----------------------------------------------------------------


@staff_only
def action_list(request):
    params = request.GET.copy()
    if not params:
        params["status"] = ",".join(sorted(OPEN))
    try:
        queryset = selectors.action_list(user=request.user, filters=params, purpose=PURPOSE)
    except InvalidInputError as error:
        messages.error(request, _("A filter was not valid and was left out: %s") % error.message)
        params = request.GET.copy()
        params.clear()
        queryset = selectors.action_list(user=request.user, purpose=PURPOSE)
    page = IdFirstPaginator(queryset, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "actions/list.html",
        {
            "page": page,
            "owners": Owner.choices,
            "owner": params.get("owner", ""),
            "statuses": [(",".join(sorted(OPEN)), _("Open or awaiting approval")), *Status.choices],
            "status": params.get("status", ""),
            "overdue": params.get("overdue", ""),
            "today": clock.today(),
        },
    )


def _detail(request, action, *, bound=None, status: int = 200):
    version = {"version": action.version}
    forms = {
        "complete_form": CompleteForm(initial=version),
        "approve_form": ApproveForm(initial=version),
        "cancel_form": CancelForm(initial=version),
    }
    forms.update(bound or {})
    selectors.with_offers(user=request.user, actions=[action])
    return render(
        request,
        "actions/detail.html",
        {"a": action, "history": selectors.action_history(action=action), **forms},
        status=status,
    )


@staff_only
def action_detail(request, id: int):
    action = selectors.action_get(user=request.user, id=id, purpose=PURPOSE)
    return _detail(request, action)


def _act(request, id, *, step, form_class, form_name, call, done, own=False):
    action = selectors.action_get(user=request.user, id=id, purpose=PURPOSE, for_action=step)
    form = form_class(request.POST)
    status = 400
    if form.is_valid():
        try:
            call(action, form.cleaned_data)
        except AccessError:
            raise
        except DomainError as error:
            show_refusal(form, error)
            status = error.status
        else:
            messages.success(request, done)
            fallback = "myactions:list" if own else "actions:detail"
            target = _back(request, "")
            if target:
                return redirect(target)
            return redirect(fallback) if own else redirect(fallback, id=id)
    action.refresh_from_db()
    if own:
        for message in [e for errs in form.errors.values() for e in errs]:
            messages.error(request, message)
        return _mine(request, status=status)
    return _detail(request, action, bound={form_name: form}, status=status)


def _v(data) -> int | None:
    return data.get("version") or None


def _complete(request, id, *, own):
    return _act(
        request,
        id,
        step="complete",
        form_class=CompleteForm,
        form_name="complete_form",
        call=lambda a, d: services.action_complete(
            user=request.user, action_id=a.pk, expected_version=_v(d)
        ),
        done=_("Well done: the action is marked done."),
        own=own,
    )


def _approve(request, id, *, own):
    return _act(
        request,
        id,
        step="approve",
        form_class=ApproveForm,
        form_name="approve_form",
        call=lambda a, d: services.action_approve(
            user=request.user,
            action_id=a.pk,
            approved=d["approved"],
            reason=d["reason"],
            expected_version=_v(d),
        ),
        done=_("Your answer is saved."),
        own=own,
    )


@require_POST
@staff_only
def action_complete(request, id: int):
    return _complete(request, id, own=False)


@require_POST
@staff_only
def action_approve(request, id: int):
    return _approve(request, id, own=False)


@require_POST
@staff_only
def action_cancel(request, id: int):
    return _act(
        request,
        id,
        step="cancel",
        form_class=CancelForm,
        form_name="cancel_form",
        call=lambda a, d: services.action_cancel(
            user=request.user, action_id=a.pk, reason=d["reason"], expected_version=_v(d)
        ),
        done=_("The action is cancelled."),
    )


def _templates_for(request, municipality_id: int):
    if not request.user.has_perm("actions.list_template"):
        return []
    return list(
        selectors.template_list(
            user=request.user, municipality_id=municipality_id, active_only=True
        )
    )


def _create(request, *, parent, kind: str, back: str, title: str):
    templates = _templates_for(request, parent.municipality_id)
    form = ActionForm(
        request.POST or None, templates=templates, on_trajectory=kind == "trajectory_id"
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        template = form.templates.get(data.get("template"))
        description = data["description"] or (template.description if template else "")
        owner = data["owner"] or (template.owner if template else "")
        due_on = data["due_on"] or (
            clock.today() + dt.timedelta(days=template.term_days) if template else None
        )
        try:
            services.action_create(
                user=request.user,
                description=description,
                owner=owner,
                due_on=due_on,
                **{kind: parent.pk},
            )
        except AccessError:
            raise
        except DomainError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The action is agreed."))
            return redirect(back)
    return render(
        request,
        "actions/form.html",
        {"form": form, "parent": parent, "back": back, "title": title},
        status=400 if request.method == "POST" else 200,
    )


def _plan(request, plan_id: int) -> Plan:
    return selectors.plan_to_act_on(user=request.user, plan_id=plan_id)


@caseworker_only
def plan_action_create(request, plan_id: int):
    plan = _plan(request, plan_id)
    return _create(
        request,
        parent=plan,
        kind="plan_id",
        back=f"{_plan_url(plan)}#agreed-actions",
        title=_("New action on the plan of %(name)s") % {"name": plan.job_seeker.full_name},
    )


def _plan_url(plan: Plan) -> str:
    return reverse("plans:detail", args=[plan.pk])


@require_POST
@caseworker_only
def plan_actions_from_activities(request, plan_id: int):
    plan = _plan(request, plan_id)
    try:
        made = services.actions_from_activities(user=request.user, plan_id=plan.pk)
    except AccessError:
        raise
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("Actions made of the agreed activities: %(n)d.") % {"n": len(made)}
        )
    return redirect(f"{_plan_url(plan)}#agreed-actions")


@require_POST
@caseworker_only
def plan_approval_setting(request, plan_id: int):
    plan = _plan(request, plan_id)
    form = ApprovalSettingForm(request.POST)
    if form.is_valid():
        try:
            plan_services.plan_set_actions_approval(
                user=request.user,
                plan_id=plan.pk,
                needs_approval=form.cleaned_data["needs_approval"],
                expected_version=_v(form.cleaned_data),
            )
        except AccessError:
            raise
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The setting is saved."))
    return redirect(f"{_plan_url(plan)}#agreed-actions")


@staff_only
def trajectory_action_create(request, trajectory_id: int):
    trajectory = selectors.trajectory_to_act_on(user=request.user, trajectory_id=trajectory_id)
    return _create(
        request,
        parent=trajectory,
        kind="trajectory_id",
        back=reverse("trajectories:detail", args=[trajectory.pk]) + "#agreed-actions",
        title=_("New action in %(programme)s") % {"programme": trajectory.programme.name},
    )


# --- the functional administrator's templates --------------------------------------------


def _edited_municipality(request) -> Municipality:
    return Municipality.objects.get(pk=acting_municipality_id(request.user, TEMPLATE_EDITORS))


@admin_only
def template_list(request):
    municipality = _edited_municipality(request)
    form = TemplateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.template_create(
                user=request.user,
                municipality=municipality,
                description=form.cleaned_data["description"],
                owner=form.cleaned_data["owner"],
                term_days=form.cleaned_data["term_days"],
            )
        except AccessError:
            raise
        except DomainError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The template is added."))
            return redirect("actions:templates")
    return render(
        request,
        "actions/templates.html",
        {
            "templates": selectors.template_list(
                user=request.user, municipality_id=municipality.pk
            ),
            "municipality": municipality,
            "form": form,
        },
        status=400 if request.method == "POST" else 200,
    )


@admin_only
def template_edit(request, id: int):
    template = selectors.template_get(user=request.user, id=id)
    form = TemplateForm(
        request.POST or None,
        initial={
            "description": template.description,
            "owner": template.owner,
            "term_days": template.term_days,
            "active": template.active,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.template_update(
                user=request.user,
                template_id=template.pk,
                description=form.cleaned_data["description"],
                owner=form.cleaned_data["owner"],
                term_days=form.cleaned_data["term_days"],
                active=form.cleaned_data["active"],
            )
        except AccessError:
            raise
        except DomainError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The template is saved."))
            return redirect("actions:templates")
    return render(
        request,
        "actions/template_edit.html",
        {"template": template, "form": form},
        status=400 if request.method == "POST" else 200,
    )


# --- the job seeker's own ------------------------------------------------------------------


def _mine(request, *, status: int = 200):
    job_seeker = jobseeker_selectors.jobseeker_get_own(user=request.user)
    actions = selectors.with_offers(
        user=request.user,
        actions=selectors.own_actions(user=request.user, job_seeker_id=job_seeker.pk),
    )
    return render(
        request,
        "actions/mine.html",
        {"actions": actions, "today": clock.today()},
        status=status,
    )


@job_seeker_only
def my_list(request):
    return _mine(request)


@require_POST
@job_seeker_only
def my_complete(request, id: int):
    return _complete(request, id, own=True)


@require_POST
@job_seeker_only
def my_approve(request, id: int):
    return _approve(request, id, own=True)
