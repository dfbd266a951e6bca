"""The mediation pages (RI4): the caseworker's list, request from the file, the detail
with its actions (the provider's coach reads it without the notes); the job seeker's own
under /mijn/bemiddelingen/."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from werkpad.core.decorators import role_required
from werkpad.core.errors import AccessError, DomainError, InvalidInputError
from werkpad.core.forms import show_refusal
from werkpad.core.models import AuditEvent
from werkpad.core.pagination import IdFirstPaginator
from werkpad.core.permissions import Role
from werkpad.jobseekers import selectors as jobseeker_selectors
from werkpad.mediations import selectors, services
from werkpad.mediations.forms import (
    AppointForm,
    OutcomeForm,
    RequestForm,
    SessionForm,
    WithdrawForm,
)
from werkpad.mediations.models import MediationRequest
from werkpad.mediations.workflow import ALLOWED_TRANSITIONS, SESSIONS_OPEN, Status
from werkpad.trajectories.models import Trajectory

PURPOSE = AuditEvent.Purpose.MEDIATION


#: A job seeker's own page of one mediation: anyone else finds no such page (404).
_own_only = role_required(Role.JOB_SEEKER, others=Http404)
staff_only = role_required(Role.CASEWORKER, Role.COACH)
caseworker_only = role_required(Role.CASEWORKER)
job_seeker_only = role_required(Role.JOB_SEEKER)


@staff_only
def mediation_list(request):
    try:
        queryset = selectors.mediation_list(user=request.user, filters=request.GET, purpose=PURPOSE)
    except InvalidInputError as error:
        messages.error(request, _("A filter was not valid and was left out: %s") % error.message)
        queryset = selectors.mediation_list(user=request.user, purpose=PURPOSE)
    page = IdFirstPaginator(queryset, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "mediations/list.html",
        {"page": page, "statuses": Status.choices, "status": request.GET.get("status", "")},
    )


def _trajectories(job_seeker):
    return list(Trajectory.objects.filter(job_seeker=job_seeker).select_related("programme"))


@caseworker_only
def mediation_request(request, job_seeker_id: int):
    job_seeker = jobseeker_selectors.jobseeker_get(
        user=request.user, id=job_seeker_id, purpose=PURPOSE
    )
    form = RequestForm(request.POST or None, trajectories=_trajectories(job_seeker))
    if request.method == "POST" and form.is_valid():
        try:
            mediation = services.mediation_request(
                user=request.user,
                trajectory_id=form.cleaned_data["trajectory"],
                reason=form.cleaned_data["reason"],
            )
        except AccessError:
            raise
        except DomainError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The mediation is requested."))
            return redirect("mediations:detail", id=mediation.pk)
    return render(
        request,
        "mediations/request.html",
        {"form": form, "js": job_seeker},
        status=400 if request.method == "POST" else 200,
    )


def _offers(user, mediation: MediationRequest) -> dict[str, bool]:
    manage = user.has_perm("mediations.manage", mediation)
    nexts = ALLOWED_TRANSITIONS[mediation.status]
    return {
        "appoint": manage and Status.MEDIATOR_APPOINTED in nexts,
        "session": manage and mediation.status in SESSIONS_OPEN,
        "conclude": manage and Status.CONCLUDED in nexts,
        "withdraw": Status.WITHDRAWN in nexts and user.has_perm("mediations.withdraw", mediation),
    }


def _render(request, mediation, template: str, *, bound=None, status: int = 200):
    version = {"version": mediation.version}
    forms = {
        "appoint_form": AppointForm(initial=version),
        "session_form": SessionForm(initial=version),
        "outcome_form": OutcomeForm(initial=version),
        "withdraw_form": WithdrawForm(initial=version),
    }
    forms.update(bound or {})
    return render(
        request,
        template,
        {
            "m": mediation,
            "offers": _offers(request.user, mediation),
            "sessions": selectors.mediation_sessions(user=request.user, mediation=mediation),
            "history": selectors.mediation_history(mediation=mediation),
            **forms,
        },
        status=status,
    )


@staff_only
def mediation_detail(request, id: int):
    mediation = selectors.mediation_get(user=request.user, id=id, purpose=PURPOSE)
    return _render(request, mediation, "mediations/detail.html")


def _act(request, id, *, action, form_class, form_name, call, done, template, back):
    mediation = selectors.mediation_get(
        user=request.user, id=id, purpose=PURPOSE, for_action=action
    )
    form = form_class(request.POST)
    if form.is_valid():
        try:
            call(mediation, form.cleaned_data)
        except AccessError:
            raise
        except DomainError as error:
            show_refusal(form, error)
            mediation.refresh_from_db()
            return _render(
                request, mediation, template, bound={form_name: form}, status=error.status
            )
        messages.success(request, done)
        return redirect(back, id=id)
    return _render(request, mediation, template, bound={form_name: form}, status=400)


def _v(data) -> int | None:
    return data.get("version") or None


@require_POST
@caseworker_only
def mediation_appoint(request, id: int):
    return _act(
        request,
        id,
        action="manage",
        form_class=AppointForm,
        form_name="appoint_form",
        call=lambda m, d: services.mediation_appoint_mediator(
            user=request.user,
            mediation_id=m.pk,
            name=d["name"],
            organisation=d["organisation"],
            expected_version=_v(d),
        ),
        done=_("The mediator is appointed."),
        template="mediations/detail.html",
        back="mediations:detail",
    )


@require_POST
@caseworker_only
def mediation_session(request, id: int):
    return _act(
        request,
        id,
        action="manage",
        form_class=SessionForm,
        form_name="session_form",
        call=lambda m, d: services.mediation_record_session(
            user=request.user,
            mediation_id=m.pk,
            held_on=d["held_on"],
            notes=d["notes"],
            expected_version=_v(d),
        ),
        done=_("The session is recorded."),
        template="mediations/detail.html",
        back="mediations:detail",
    )


@require_POST
@caseworker_only
def mediation_conclude(request, id: int):
    return _act(
        request,
        id,
        action="manage",
        form_class=OutcomeForm,
        form_name="outcome_form",
        call=lambda m, d: services.mediation_conclude(
            user=request.user,
            mediation_id=m.pk,
            outcome=d["outcome"],
            text=d["text"],
            expected_version=_v(d),
        ),
        done=_("The outcome is recorded."),
        template="mediations/detail.html",
        back="mediations:detail",
    )


@require_POST
@caseworker_only
def mediation_withdraw(request, id: int):
    return _act(
        request,
        id,
        action="withdraw",
        form_class=WithdrawForm,
        form_name="withdraw_form",
        call=lambda m, d: services.mediation_withdraw(
            user=request.user, mediation_id=m.pk, reason=d["reason"], expected_version=_v(d)
        ),
        done=_("The mediation is withdrawn."),
        template="mediations/detail.html",
        back="mediations:detail",
    )


# --- the job seeker's own pages ---------------------------------------------------------


@job_seeker_only
def my_list(request):
    job_seeker = jobseeker_selectors.jobseeker_get_own(user=request.user)
    return render(
        request,
        "mediations/mine.html",
        {
            "mediations": selectors.job_seeker_mediations(
                user=request.user, job_seeker_id=job_seeker.pk
            ),
            "has_trajectory": Trajectory.objects.filter(job_seeker=job_seeker).exists(),
        },
    )


@job_seeker_only
def my_request(request):
    job_seeker = jobseeker_selectors.jobseeker_get_own(user=request.user)
    form = RequestForm(request.POST or None, trajectories=_trajectories(job_seeker), own=True)
    if request.method == "POST" and form.is_valid():
        try:
            mediation = services.mediation_request(
                user=request.user,
                trajectory_id=form.cleaned_data["trajectory"],
                reason=form.cleaned_data["reason"],
            )
        except AccessError:
            raise
        except DomainError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("Your request for mediation is sent."))
            return redirect("mymediations:detail", id=mediation.pk)
    return render(
        request,
        "mediations/my_request.html",
        {"form": form},
        status=400 if request.method == "POST" else 200,
    )


@_own_only
def my_detail(request, id: int):
    mediation = selectors.mediation_get(user=request.user, id=id, purpose=PURPOSE)
    return _render(request, mediation, "mediations/my_detail.html")


@require_POST
@job_seeker_only
def my_withdraw(request, id: int):
    return _act(
        request,
        id,
        action="withdraw",
        form_class=WithdrawForm,
        form_name="withdraw_form",
        call=lambda m, d: services.mediation_withdraw(
            user=request.user, mediation_id=m.pk, reason=d["reason"], expected_version=_v(d)
        ),
        done=_("Your request for mediation is withdrawn."),
        template="mediations/my_detail.html",
        back="mymediations:detail",
    )
