"""The complaint pages (RI2): the complainant files and follows their complaint on their
own pages (a job seeker under /mijn/klachten/, an employer under /werkgever/klachten/);
the complaint handler works the list /klachten/ and each complaint's steps; the yearly
overview, the routing rules and the lessons per organisation."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from werkpad.complaints import letters, overview, routing, selectors, services
from werkpad.complaints.forms import (
    DecisionForm,
    DissatisfactionForm,
    FileForm,
    HearingForm,
    LessonForm,
    OnBehalfForm,
    PostponeForm,
    ReasonForm,
    RoutingForm,
)
from werkpad.complaints.models import HandledBy, Subject
from werkpad.complaints.rules import municipal_handler_municipalities
from werkpad.complaints.workflow import Status
from werkpad.core import clock
from werkpad.core.errors import AccessError, DomainError
from werkpad.core.filters import parse_id
from werkpad.core.forms import show_refusal
from werkpad.core.models import AuditEvent, MunicipalitySettings
from werkpad.core.permissions import SUPPRESSED_ROLES, Role, acting_municipality_id, scope_of
from werkpad.jobseekers.models import JobSeeker

#: The complainant's two sides: the job seeker's own pages and the employer's.
SIDES = {
    "own": {"role": Role.JOB_SEEKER, "base": "complaints:own"},
    "employer": {"role": Role.EMPLOYER, "base": "complaints:employer"},
}


def _complainant(request, side: str, id: int | None = None) -> None:
    """The complainant's pages: a complaint the user may not see is not found, whoever
    asks; the pages are for the job seeker's or the employer's role."""
    if id is not None and not selectors.complaint_scope(user=request.user).filter(pk=id).exists():
        raise Http404
    if not scope_of(request.user).has(SIDES[side]["role"]):
        raise PermissionDenied


def _context_for(request, side: str) -> dict[str, Any]:
    """Who files on this side: the job seeker's municipality, or the employer's."""
    scope = scope_of(request.user)
    if side == "own":
        job_seeker = JobSeeker.objects.filter(user=request.user).first()
        if job_seeker is None:
            raise Http404
        return {"municipality_id": job_seeker.municipality_id, "job_seeker": job_seeker}
    grant = next(g for g in scope.grants if g.role == Role.EMPLOYER)
    return {"municipality_id": grant.municipality_id, "job_seeker": None}


# --- the complainant's pages -----------------------------------------------------------


def _mine(request, side: str) -> HttpResponse:
    _complainant(request, side)
    complaints = selectors.complaint_list(
        user=request.user, purpose=AuditEvent.Purpose.OWN_COMPLAINT
    ).order_by("-received_on", "-id")
    return render(
        request,
        "complaints/mine.html",
        {"complaints": list(complaints), "side": side, "base": SIDES[side]["base"]},
    )


def _file(request, side: str) -> HttpResponse:
    _complainant(request, side)
    who = _context_for(request, side)
    about = services.about_choices(
        user=request.user, municipality_id=who["municipality_id"], job_seeker=who["job_seeker"]
    )
    form = FileForm(request.POST or None, about=about)
    if side == "employer":
        form.fields["subject"].choices = [  # type: ignore[attr-defined]
            c for c in Subject.choices if c[0] in (Subject.EMPLOYER_SERVICE, Subject.OTHER)
        ]
    route = None
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            route = routing.route(
                municipality_id=who["municipality_id"],
                subject=data["subject"],
                about=data["about"],
                by_employer=side == "employer",
            )
            if request.POST.get("confirm") == "1":
                try:
                    complaint = services.complaint_file(
                        user=request.user,
                        filing=services.Filing(
                            subject=data["subject"],
                            about_id=data["about"].pk,
                            description=data["description"],
                        ),
                    )
                except AccessError:
                    raise
                except DomainError as error:
                    show_refusal(form, error)
                else:
                    messages.success(
                        request,
                        _("Your complaint is sent. %(handler)s handles it.")
                        % {"handler": complaint.routed_to.name},
                    )
                    return redirect(f"{SIDES[side]['base']}-detail", id=complaint.pk)
            else:
                status = 200
    settings_ = MunicipalitySettings.for_id(who["municipality_id"])
    return render(
        request,
        "complaints/file.html",
        {
            "form": form,
            "route": route,
            "side": side,
            "base": SIDES[side]["base"],
            "term_weeks": settings_.complaint_weeks,
            "rules": _rule_lines(who["municipality_id"]),
        },
        status=status,
    )


def _rule_lines(municipality_id: int) -> list[tuple[str, str]]:
    rules = routing.rules_of(municipality_id)
    return [(str(label), rules[value]) for value, label in Subject.choices]


def _detail(request, side: str, id: int, form: Any = None, status: int = 200):
    _complainant(request, side, id)
    complaint = selectors.complaint_get(
        user=request.user, id=id, purpose=AuditEvent.Purpose.OWN_COMPLAINT
    )
    return render(
        request,
        "complaints/own_detail.html",
        {
            "complaint": complaint,
            "side": side,
            "base": SIDES[side]["base"],
            "settings": MunicipalitySettings.of(complaint.municipality),
            "form": form or DissatisfactionForm(),
            "Status": Status,
        },
        status=status,
    )


def _dissatisfied(request, side: str, id: int) -> HttpResponse:
    _complainant(request, side, id)
    form = DissatisfactionForm(request.POST)
    if form.is_valid():
        try:
            services.complaint_say_dissatisfied(
                user=request.user, complaint_id=id, text=form.cleaned_data["text"]
            )
        except AccessError:
            raise
        except DomainError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("We received your message. We let you know what happens."))
            return redirect(f"{SIDES[side]['base']}-detail", id=id)
    return _detail(request, side, id, form=form, status=400)


@login_required
def own_list(request) -> HttpResponse:
    return _mine(request, "own")


@login_required
def own_file(request) -> HttpResponse:
    return _file(request, "own")


@login_required
def own_detail(request, id: int) -> HttpResponse:
    return _detail(request, "own", id)


@login_required
@require_POST
def own_dissatisfied(request, id: int) -> HttpResponse:
    return _dissatisfied(request, "own", id)


@login_required
def employer_list(request) -> HttpResponse:
    return _mine(request, "employer")


@login_required
def employer_file(request) -> HttpResponse:
    return _file(request, "employer")


@login_required
def employer_detail(request, id: int) -> HttpResponse:
    return _detail(request, "employer", id)


@login_required
@require_POST
def employer_dissatisfied(request, id: int) -> HttpResponse:
    return _dissatisfied(request, "employer", id)


@login_required
def letter(request, id: int, kind: str) -> HttpResponse:
    """A letter as PDF, for the complainant and the handlers; audited."""
    _complaint, found = selectors.letter_get(user=request.user, complaint_id=id, kind=kind)
    response = HttpResponse(letters.letter_pdf(found), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{letters.filename(found)}"'
    return response


# --- the handler's pages ---------------------------------------------------------------

STATUS_FILTERS = ("open", *Status.values)


@login_required
def complaint_list(request) -> HttpResponse:
    if not scope_of(request.user).has(Role.COMPLAINT_HANDLER):
        raise PermissionDenied
    filters = {
        "status": request.GET.get("status", "open") if "status" in request.GET else "open",
        "overdue": request.GET.get("overdue", ""),
    }
    if filters["status"] == "all":
        filters["status"] = ""
    try:
        complaints = selectors.complaint_list(
            user=request.user, filters=filters, purpose=AuditEvent.Purpose.COMPLAINT_LIST
        )
    except DomainError:
        complaints = selectors.complaint_list(
            user=request.user, filters={"status": "open"}, purpose=AuditEvent.Purpose.COMPLAINT_LIST
        )
        filters = {"status": "open", "overdue": ""}
    page = Paginator(complaints, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "complaints/list.html",
        {
            "page": page,
            "filters": filters,
            "statuses": [("open", _("Open")), ("all", _("All")), *Status.choices],
            "may_file": request.user.has_perm("complaints.file_on_behalf"),
        },
    )


def _handler_forms(complaint: Any, bound: dict[str, Any] | None = None) -> dict[str, Any]:
    forms = {
        "postpone": PostponeForm(),
        "hear": HearingForm(),
        "decide": DecisionForm(),
        "lesson": LessonForm(),
        "withdraw": ReasonForm(),
    }
    forms.update(bound or {})
    return forms


@login_required
def complaint_detail(
    request, id: int, bound: dict[str, Any] | None = None, status: int = 200
) -> HttpResponse:
    complaint = selectors.complaint_get(
        user=request.user, id=id, purpose=AuditEvent.Purpose.COMPLAINT, for_action="handle"
    )
    return render(
        request,
        "complaints/detail.html",
        {
            "complaint": complaint,
            "forms": _handler_forms(complaint, bound),
            "Status": Status,
            "route": MunicipalitySettings.of(
                complaint.municipality
            ).complaint_dissatisfaction_route,
            "today": clock.today(),
        },
        status=status,
    )


#: The handler's steps: the form each takes (None: a button) and the service it calls.
STEPS: dict[str, Any] = {
    "acknowledge": (
        None,
        lambda user, id, version, data: services.complaint_acknowledge(
            user=user, complaint_id=id, expected_version=version
        ),
        gettext_lazy("The receipt is acknowledged; the letter is ready for the complainant."),
    ),
    "postpone": (
        PostponeForm,
        lambda user, id, version, data: services.complaint_postpone(
            user=user,
            complaint_id=id,
            weeks=data["weeks"],
            reason=data["reason"],
            expected_version=version,
        ),
        gettext_lazy("The term is postponed; the notice is ready for the complainant."),
    ),
    "hear": (
        HearingForm,
        lambda user, id, version, data: services.complaint_hear(
            user=user,
            complaint_id=id,
            held_on=data["held_on"],
            skipped=data["skipped"],
            notes=data["notes"],
            expected_version=version,
        ),
        gettext_lazy("The hearing is recorded."),
    ),
    "decide": (
        DecisionForm,
        lambda user, id, version, data: services.complaint_decide(
            user=user,
            complaint_id=id,
            outcome=data["outcome"],
            conclusions=data["conclusions"],
            measures=data["measures"],
            expected_version=version,
        ),
        gettext_lazy("The decision is recorded; the complainant reads it on their pages."),
    ),
    "follow-up": (
        None,
        lambda user, id, version, data: services.complaint_follow_up(
            user=user, complaint_id=id, expected_version=version
        ),
        gettext_lazy("The dissatisfaction is followed up as the municipality's rules say."),
    ),
    "lesson": (
        LessonForm,
        lambda user, id, version, data: services.lesson_record(
            user=user, complaint_id=id, text=data["text"]
        ),
        gettext_lazy("The lesson is recorded for the organisation."),
    ),
    "withdraw": (
        ReasonForm,
        lambda user, id, version, data: services.complaint_withdraw(
            user=user, complaint_id=id, reason=data["reason"], expected_version=version
        ),
        gettext_lazy("The complaint is withdrawn."),
    ),
}


@login_required
@require_POST
def complaint_step(request, id: int, step: str) -> HttpResponse:
    """One of the handler's steps on a complaint; a refusal shows on the page, nothing saved."""
    if step not in STEPS:
        raise Http404
    selectors.complaint_get(user=request.user, id=id, for_action="handle")
    form_class, call, success = STEPS[step]
    form = form_class(request.POST) if form_class is not None else None
    data = {}
    if form is not None:
        if not form.is_valid():
            return complaint_detail(request, id, bound={step: form}, status=400)
        data = form.cleaned_data
    try:
        call(request.user, id, parse_id(request.POST.get("version", "")), data)
    except AccessError:
        raise
    except DomainError as error:
        if form is not None:
            show_refusal(form, error)
            return complaint_detail(
                request, id, bound={step: form}, status=409 if error.status == 409 else 400
            )
        messages.error(request, error.message)
    else:
        messages.success(request, str(success))
    return redirect("complaints:detail", id=id)


@login_required
def file_on_behalf(request) -> HttpResponse:
    """A handler of the municipality takes a complaint by phone, desk, letter or e-mail."""
    if not request.user.has_perm("complaints.file_on_behalf"):
        raise PermissionDenied
    municipality_id = min(municipal_handler_municipalities(request.user))
    about = services.about_choices(
        user=request.user, municipality_id=municipality_id, job_seeker=None
    )
    form = OnBehalfForm(request.POST or None, about=about)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            complaint = services.complaint_file(
                user=request.user,
                municipality_id=municipality_id,
                filing=services.Filing(
                    subject=data["subject"],
                    about_id=data["about"].pk,
                    description=data["description"],
                    channel=data["channel"],
                    complainant_name=data["complainant_name"],
                    complainant_address=data["complainant_address"],
                    received_on=data["received_on"],
                ),
            )
        except AccessError:
            raise
        except DomainError as error:
            show_refusal(form, error)
        else:
            messages.success(
                request,
                _("The complaint is recorded. %(handler)s handles it.")
                % {"handler": complaint.routed_to.name},
            )
            if request.user.has_perm("complaints.view_complaint", complaint):
                return redirect("complaints:detail", id=complaint.pk)
            return redirect("complaints:list")
    return render(
        request,
        "complaints/on_behalf.html",
        {"form": form, "rules": _rule_lines(municipality_id)},
        status=400 if request.method == "POST" else 200,
    )


def _year(request) -> int:
    raw = request.GET.get("jaar", "")
    year = parse_id(raw) if raw else clock.today().year
    if year is None or not 2000 <= year <= 2100:
        return clock.today().year
    return year


@login_required
def year_overview(request) -> HttpResponse:
    """Numbers, subjects, terms met and outcomes per municipality and year; CSV and XLSX."""
    if not request.user.has_perm("complaints.view_overview"):
        raise PermissionDenied
    ids = selectors.overview_municipality_ids(user=request.user)
    named = parse_id(request.GET.get("gemeente", "")) if request.GET.get("gemeente") else None
    municipality_id = named if named in ids else ids[0]
    year = _year(request)
    data = selectors.complaint_year_overview(municipality_id=municipality_id, year=year)
    council_only = scope_of(request.user).has(*SUPPRESSED_ROLES) and not (
        scope_of(request.user).has(Role.POLICY_OFFICER)
        or municipality_id in municipal_handler_municipalities(request.user)
    )
    min_cell = settings.WERKPAD_MIN_CELL if council_only else None
    table = overview.rows(data, min_cell=min_cell)
    fmt = request.GET.get("formaat", "")
    name = f"klachten-{year}"
    if fmt == "csv":
        response = HttpResponse(overview.as_csv(table), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return response
    if fmt == "xlsx":
        response = HttpResponse(
            overview.as_xlsx(table, title=name),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
        return response
    from werkpad.core.models import Municipality

    return render(
        request,
        "complaints/overview.html",
        {
            "table": table,
            "year": year,
            "data": data,
            "municipality": Municipality.objects.get(pk=municipality_id),
            "municipalities": Municipality.objects.filter(pk__in=ids),
            "min_cell": min_cell,
            "years": range(clock.today().year, clock.today().year - 5, -1),
        },
    )


@login_required
def routing_rules(request) -> HttpResponse:
    """The functional administrator's rules: who handles complaints on each subject."""
    if not request.user.has_perm("complaints.change_routing"):
        raise PermissionDenied
    municipality_id = acting_municipality_id(request.user, {Role.FUNCTIONAL_ADMIN})
    current = routing.rules_of(municipality_id)
    form = RoutingForm(request.POST or None, current=current)
    if request.method == "POST" and form.is_valid():
        try:
            for subject, handled_by in form.cleaned_data.items():
                if current.get(subject) != handled_by:
                    services.routing_rule_set(
                        user=request.user,
                        municipality_id=municipality_id,
                        subject=subject,
                        handled_by=handled_by,
                    )
        except AccessError:
            raise
        except DomainError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The routing rules are saved."))
            return redirect("complaints:routing")
    return render(
        request,
        "complaints/routing.html",
        {"form": form, "HandledBy": HandledBy},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def lessons(request) -> HttpResponse:
    """The lessons from complaints, per organisation the handler works for."""
    rows = selectors.lesson_list(user=request.user)
    grouped: dict[str, list[Any]] = {}
    for lesson in rows:
        grouped.setdefault(lesson.organisation.name, []).append(lesson)
    return render(request, "complaints/lessons.html", {"grouped": grouped})
