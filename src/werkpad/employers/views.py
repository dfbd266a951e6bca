"""The pages of the employer service: the employer advisor's register (/werkgevers/),
the regional vacancy file with each step (/vacatures/), the import and the demand-side
insights; the employer's own pages (/werkgever/)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from werkpad.core import clock
from werkpad.core.decorators import role_required
from werkpad.core.errors import AccessError, DomainError, InvalidInputError
from werkpad.core.forms import refusal_status, show_refusal
from werkpad.core.models import LabourMarketRegion
from werkpad.core.permissions import Role
from werkpad.core.worklist import worklist_for
from werkpad.employers import demand, importer, reference, selectors, services
from werkpad.employers.forms import (
    CONDITION_LABELS,
    AnswerForm,
    CloseForm,
    EmployerForm,
    FillForm,
    ImportForm,
    IntakeForm,
    ReportForm,
    UpdateForm,
    WithdrawForm,
)
from werkpad.employers.models import Size
from werkpad.employers.rules import ADVISOR_ROLES, INSIGHT_ROLES, READER_ROLES
from werkpad.employers.services import answered_late
from werkpad.employers.workflow import Status
from werkpad.jobseekers.importer import ImportRefusedError

readers_only = role_required(*READER_ROLES)
advisor_only = role_required(*ADVISOR_ROLES)
insights_only = role_required(*INSIGHT_ROLES)
employer_only = role_required(Role.EMPLOYER)
#: The employer's own vacancy does not exist for anyone else.
employer_own_object = role_required(Role.EMPLOYER, others=Http404)


def _v(data) -> int | None:
    return data.get("version") or None


def _filtered(request, select, **kwargs):
    try:
        return select(user=request.user, filters=request.GET, **kwargs), False
    except InvalidInputError as error:
        messages.error(request, _("A filter was not valid and was left out: %s") % error.message)
        return select(user=request.user, **kwargs), True


# --- the register (EM1) ----------------------------------------------------------------


@readers_only
def employer_list(request):
    queryset, _dropped = _filtered(request, selectors.employer_list)
    page = Paginator(queryset, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "employers/list.html",
        {
            "page": page,
            "sections": reference.sbi_sections(),
            "sizes": Size.choices,
            "sector": request.GET.get("sector", ""),
            "size": request.GET.get("size", ""),
            "willing": request.GET.get("willing", ""),
        },
    )


def _employer_data(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != "version"}


@advisor_only
def employer_create(request):
    form = EmployerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            employer = services.employer_register(
                user=request.user, **_employer_data(form.cleaned_data)
            )
        except DomainError as error:
            refusal_status(form, error)
        else:
            messages.success(request, _("The employer is registered."))
            return redirect("employers:detail", id=employer.pk)
    return render(
        request,
        "employers/form.html",
        {"form": form, "title": _("Register an employer")},
        status=400 if request.method == "POST" else 200,
    )


@readers_only
def employer_detail(request, id: int):
    employer = selectors.employer_get(user=request.user, id=id)
    vacancies = list(selectors.employer_vacancies(user=request.user, employer=employer))
    return render(
        request,
        "employers/detail.html",
        {
            "e": employer,
            "sector": reference.sbi_section_title(employer.sbi_section),
            "division": {
                d.code: d.title for d in reference.sbi_divisions(employer.sbi_section)
            }.get(employer.sbi_division, ""),
            "vacancies": vacancies,
            "may_change": request.user.has_perm("employers.change_employer", employer),
        },
    )


@advisor_only
def employer_edit(request, id: int):
    employer = selectors.employer_get(user=request.user, id=id, for_action="change")
    initial = {
        "version": employer.version,
        "name": employer.name,
        **{field: getattr(employer, field) for field in services.EMPLOYER_FIELDS},
    }
    form = EmployerForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.employer_update(
                user=request.user,
                employer_id=employer.pk,
                expected_version=_v(form.cleaned_data),
                **_employer_data(form.cleaned_data),
            )
        except DomainError as error:
            refusal_status(form, error)
        else:
            messages.success(request, _("The changes are saved."))
            return redirect("employers:detail", id=employer.pk)
    return render(
        request,
        "employers/form.html",
        {"form": form, "title": _("Change %(name)s") % {"name": employer.name}, "e": employer},
        status=400 if request.method == "POST" else 200,
    )


@insights_only
def employer_demand(request):
    first, middle, end = demand.periods()
    return render(
        request,
        "employers/demand.html",
        {"regions": demand.demand(user=request.user), "first": first, "middle": middle, "end": end},
    )


# --- the regional vacancy file (EM2-EM5, EM8) -------------------------------------------


@readers_only
def vacancy_list(request):
    queryset, _dropped = _filtered(request, selectors.vacancy_list)
    page = Paginator(queryset, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "employers/vacancy_list.html",
        {
            "page": page,
            "statuses": Status.choices,
            "status": request.GET.get("status", ""),
            "occupation": request.GET.get("occupation", ""),
            "occupations": reference.ISCO_CHOICES,
            "region": request.GET.get("region", ""),
            "regions": LabourMarketRegion.objects.order_by("code"),
            "now": clock.now(),
        },
    )


def _vacancy_fields(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k not in ("version", "employer", "channel")}


@advisor_only
def vacancy_create(request):
    employers = [
        e
        for e in selectors.employer_list(user=request.user)
        if request.user.has_perm("employers.change_employer", e)
    ]
    form = IntakeForm(
        request.POST or None,
        employers=employers,
        initial={"employer": request.GET.get("employer", "")},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            vacancy = services.vacancy_intake(
                user=request.user,
                employer_id=data["employer"],
                channel=data["channel"],
                **_vacancy_fields(data),
            )
        except DomainError as error:
            refusal_status(form, error)
        else:
            messages.success(request, _("The vacancy is taken in: answer it within 72 hours."))
            return redirect("vacancies:detail", id=vacancy.pk)
    return render(
        request,
        "employers/vacancy_form.html",
        {"form": form, "title": _("Take in a vacancy")},
        status=400 if request.method == "POST" else 200,
    )


def _detail(request, vacancy, *, bound=None, status: int = 200):
    version = {"version": vacancy.version}
    forms = {
        "answer_form": AnswerForm(initial=version),
        "update_form": UpdateForm(initial=version),
        "fill_form": FillForm(initial=version),
        "close_form": CloseForm(initial=version),
        "withdraw_form": WithdrawForm(initial=version),
    }
    forms.update(bound or {})
    return render(
        request,
        "employers/vacancy_detail.html",
        {
            "v": vacancy,
            "occupation": reference.isco_title(vacancy.occupation_code),
            "conditions": [CONDITION_LABELS.get(c, c) for c in vacancy.conditions],
            "history": selectors.vacancy_history(vacancy=vacancy),
            "updates": selectors.vacancy_updates(vacancy=vacancy),
            "offers": selectors.offers(user=request.user, vacancy=vacancy),
            "overdue": vacancy.status == Status.RECEIVED and vacancy.answer_due_at < clock.now(),
            "late": answered_late(vacancy),
            **forms,
        },
        status=status,
    )


@readers_only
def vacancy_detail(request, id: int):
    return _detail(request, selectors.vacancy_get(user=request.user, id=id))


def _step(request, id, *, step, form_class, form_name, call, done, own=False):
    vacancy = selectors.vacancy_get(user=request.user, id=id, for_action=step)
    form = form_class(request.POST)
    status = 400
    if form.is_valid():
        try:
            call(vacancy, form.cleaned_data)
        except DomainError as error:
            status = refusal_status(form, error)
        else:
            messages.success(request, done)
            return redirect("myemployer:detail" if own else "vacancies:detail", id=id)
    vacancy.refresh_from_db()
    if own:
        return _own_detail(request, vacancy, withdraw_form=form, status=status)
    return _detail(request, vacancy, bound={form_name: form}, status=status)


@require_POST
@advisor_only
def vacancy_answer(request, id: int):
    return _step(
        request,
        id,
        step="answer",
        form_class=AnswerForm,
        form_name="answer_form",
        call=lambda v, d: services.vacancy_answer(
            user=request.user,
            vacancy_id=v.pk,
            text=d["text"],
            expected_fill_by=d["expected_fill_by"],
            expected_version=_v(d),
        ),
        done=_("The answer is sent to the employer."),
    )


@require_POST
@advisor_only
def vacancy_update(request, id: int):
    return _step(
        request,
        id,
        step="update",
        form_class=UpdateForm,
        form_name="update_form",
        call=lambda v, d: services.vacancy_update_send(
            user=request.user,
            vacancy_id=v.pk,
            kind=d["kind"],
            text=d["text"],
            expected_version=_v(d),
        ),
        done=_("The update is sent to the employer."),
    )


@require_POST
@advisor_only
def vacancy_fill(request, id: int):
    return _step(
        request,
        id,
        step="fill",
        form_class=FillForm,
        form_name="fill_form",
        call=lambda v, d: services.vacancy_fill(
            user=request.user, vacancy_id=v.pk, text=d["text"], expected_version=_v(d)
        ),
        done=_("The vacancy is filled."),
    )


@require_POST
@advisor_only
def vacancy_close(request, id: int):
    return _step(
        request,
        id,
        step="close",
        form_class=CloseForm,
        form_name="close_form",
        call=lambda v, d: services.vacancy_close(
            user=request.user,
            vacancy_id=v.pk,
            reason=d["reason"],
            advice=d["advice"],
            expected_version=_v(d),
        ),
        done=_("The vacancy is closed, not filled."),
    )


@require_POST
@advisor_only
def vacancy_withdraw(request, id: int):
    return _step(
        request,
        id,
        step="withdraw",
        form_class=WithdrawForm,
        form_name="withdraw_form",
        call=lambda v, d: services.vacancy_withdraw(
            user=request.user, vacancy_id=v.pk, reason=d["reason"], expected_version=_v(d)
        ),
        done=_("The vacancy is withdrawn."),
    )


@advisor_only
def vacancy_import(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                municipality = importer.import_municipality(user=request.user)
                result = importer.vacancy_import(
                    user=request.user,
                    municipality=municipality,
                    stream=upload.file,
                    filename=upload.name,
                    dry_run=form.cleaned_data["dry_run"],
                )
            except AccessError:
                raise
            except ImportRefusedError as error:
                for problem in error.problems:
                    form.add_error("file", problem)
            except DomainError as error:
                show_refusal(form, error)
            else:
                if result.ok:
                    status = 200
                    if result.dry_run:
                        messages.success(
                            request,
                            _("All %(rows)s rows are valid; nothing was written.")
                            % {"rows": result.rows},
                        )
                    else:
                        messages.success(
                            request,
                            _("%(count)s vacancies imported into the regional file.")
                            % {"count": result.imported},
                        )
                        return redirect("vacancies:list")
    return render(
        request,
        "employers/import.html",
        {
            "form": form,
            "result": result,
            "columns": importer.COLUMNS,
            "required": importer.REQUIRED,
        },
        status=status,
    )


# --- the employer's own pages ------------------------------------------------------------


@employer_only
def own_home(request):
    employer = selectors.own_employer(user=request.user)
    return render(
        request,
        "employers/own_home.html",
        {
            "employer": employer,
            "vacancies": selectors.own_vacancies(user=request.user, employer=employer),
            "now": clock.now(),
            # What other apps ask of the employer (a survey to answer), by the registry.
            "worklist": worklist_for(request.user),
        },
    )


@employer_only
def own_report(request):
    employer = selectors.own_employer(user=request.user)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            vacancy = services.vacancy_report(
                user=request.user, employer_id=employer.pk, **_vacancy_fields(form.cleaned_data)
            )
        except DomainError as error:
            refusal_status(form, error)
        else:
            messages.success(
                request,
                _("Thank you: the employer service answers you within 72 hours, by %(when)s.")
                % {"when": timezone.localtime(vacancy.answer_due_at).strftime("%d-%m-%Y %H:%M")},
            )
            return redirect("myemployer:detail", id=vacancy.pk)
    return render(
        request,
        "employers/vacancy_form.html",
        {"form": form, "title": _("Report a vacancy"), "own": True},
        status=400 if request.method == "POST" else 200,
    )


def _own_detail(request, vacancy, *, withdraw_form=None, status: int = 200):
    return render(
        request,
        "employers/own_detail.html",
        {
            "v": vacancy,
            "occupation": reference.isco_title(vacancy.occupation_code),
            "updates": selectors.vacancy_updates(vacancy=vacancy),
            "offers": selectors.offers(user=request.user, vacancy=vacancy),
            "withdraw_form": withdraw_form or WithdrawForm(initial={"version": vacancy.version}),
        },
        status=status,
    )


@employer_own_object
def own_detail(request, id: int):
    return _own_detail(request, selectors.vacancy_get(user=request.user, id=id))


@require_POST
@employer_own_object
def own_withdraw(request, id: int):
    return _step(
        request,
        id,
        step="withdraw",
        form_class=WithdrawForm,
        form_name="withdraw_form",
        call=lambda v, d: services.vacancy_withdraw(
            user=request.user, vacancy_id=v.pk, reason=d["reason"], expected_version=_v(d)
        ),
        done=_("Your vacancy is withdrawn."),
        own=True,
    )
