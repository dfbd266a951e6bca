"""The job-seeker pages: list, file, edit, register."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from werkpad.core import clock
from werkpad.core.errors import (
    AccessError,
    DomainError,
    InvalidInputError,
    NotFoundError,
)
from werkpad.core.forms import save_form, show_refusal
from werkpad.core.models import AuditEvent, Municipality
from werkpad.core.pagination import IdFirstPaginator
from werkpad.core.permissions import FILE_ROLES, acting_municipality_id
from werkpad.jobseekers import selectors, services
from werkpad.jobseekers.filters import FileStatus, JobSeekerFilter
from werkpad.jobseekers.forms import BsnLookupForm, JobSeekerForm, OutflowForm

PAGE_SIZE = 25


def _filter_selects(params, user) -> list[dict]:
    """The list's select boxes with their options and what is selected, computed once."""

    def options(choices, name):
        chosen = set(params.getlist(name))
        return [(str(value), label, str(value) in chosen) for value, label in choices]

    def declared(name):
        spec = JobSeekerFilter.base_filters[name]
        return {
            "name": name,
            "label": spec.label,
            "all": _("All"),
            "options": options(spec.extra["choices"], name),
        }

    status = JobSeekerFilter.base_filters["status"].extra["choices"]
    return [
        {
            "name": "status",
            "label": _("File"),
            "all": _("In the file"),
            "options": options([c for c in status if c[0] != FileStatus.CURRENT], "status"),
        },
        declared("ladderRung"),
        declared("benefitType"),
        declared("educationLevel"),
        {
            "name": "contactPerson",
            "label": _("Contact person"),
            "all": _("Everyone"),
            "options": options([(user.pk, _("My caseload"))], "contactPerson"),
        },
        {
            "name": "profileOverdue",
            "label": _("Profile review"),
            "all": _("All"),
            "options": options([("true", _("Overdue"))], "profileOverdue"),
        },
    ]


@login_required
def job_seeker_list(request):
    try:
        queryset = selectors.jobseeker_list(
            user=request.user, filters=request.GET, purpose=AuditEvent.Purpose.JOB_SEEKER_LIST
        )
    except InvalidInputError as error:
        messages.error(request, _("A filter was not valid and was left out: %s") % error.message)
        queryset = selectors.jobseeker_list(
            user=request.user, filters={}, purpose=AuditEvent.Purpose.JOB_SEEKER_LIST
        )
    known_count = selectors.jobseeker_list_count(user=request.user, filters=request.GET)
    page = IdFirstPaginator(queryset, PAGE_SIZE, known_count=known_count).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "page": page,
        "query": query.urlencode(),
        "selects": _filter_selects(request.GET, request.user),
        "search": request.GET.get("search", ""),
        "labels": {
            "name": _("Name"),
            "bsn": _("BSN"),
            "age": _("Age"),
            "rung": _("Rung"),
            "benefit": _("Benefit"),
            "since": _("Unemployed since"),
            "contact": _("Contact person"),
        },
        "may_add": request.user.has_perm("jobseekers.add_jobseeker"),
    }
    template = "jobseekers/_results.html" if request.htmx else "jobseekers/list.html"
    return render(request, template, context)


@login_required
@require_POST
def job_seeker_bsn_lookup(request):
    """Find a file by its whole BSN, sent in the body so that it stays out of addresses."""
    form = BsnLookupForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["bsn"]))
        return redirect("jobseekers:list")
    try:
        job_seeker = selectors.jobseeker_get_by_bsn(user=request.user, bsn=form.cleaned_data["bsn"])
    except NotFoundError as error:
        messages.error(request, error.message)
        return redirect("jobseekers:list")
    return redirect("jobseekers:detail", id=job_seeker.pk)


@login_required
def job_seeker_detail(request, id: int):
    job_seeker = selectors.jobseeker_get(user=request.user, id=id, purpose=AuditEvent.Purpose.FILE)
    return render(
        request,
        "jobseekers/detail.html",
        {
            "js": job_seeker,
            "history": selectors.ladder_history_list(job_seeker=job_seeker),
            "show_restricted": request.user.has_perm("jobseekers.view_restricted", job_seeker),
            "may_change": request.user.has_perm("jobseekers.change_jobseeker", job_seeker),
            "outflow_form": OutflowForm(initial={"left_on": clock.today()}),
        },
    )


@login_required
def job_seeker_edit(request, id: int):
    job_seeker = selectors.jobseeker_get(
        user=request.user, id=id, purpose=AuditEvent.Purpose.EDIT_FILE, for_action="change"
    )
    show_restricted = request.user.has_perm("jobseekers.view_restricted", job_seeker)
    form = JobSeekerForm(
        request.POST or None,
        instance=job_seeker,
        municipality=job_seeker.municipality,
        show_restricted=show_restricted,
    )
    edit = save_form(
        request,
        form,
        lambda version: services.jobseeker_update(
            user=request.user,
            job_seeker_id=job_seeker.pk,
            expected_version=version,
            data=form.changes(),
            rung_reason=form.cleaned_data.get("rung_reason", ""),
        ),
    )
    if edit.ok:
        messages.success(request, _("The changes are saved."))
        return redirect("jobseekers:detail", id=job_seeker.pk)
    return render(
        request,
        "jobseekers/form.html",
        {
            "form": form,
            "js": job_seeker,
            "stale": edit.stale,
        },
        status=edit.status,
    )


def _version(raw) -> int:
    """The version a form carried; anything else counts as stale (0 matches no record)."""
    try:
        return int(raw)
    except (TypeError, ValueError):
        return 0


def _file_action(request, id: int, action, success) -> HttpResponse:
    """Run a service on the file from a button or small form; its refusal, or ``success``
    (a text, or a function of what the service returned), is shown on the file. Whether
    the user may act is the service's decision: 404 or 403 as any page."""
    try:
        result = action()
    except InvalidInputError as error:
        for texts in error.errors.values():
            for text in texts:
                messages.error(request, text)
    except AccessError:
        raise
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, success(result) if callable(success) else success)
    return redirect("jobseekers:detail", id=id)


@login_required
@require_POST
def job_seeker_profile_review(request, id: int):
    return _file_action(
        request,
        id,
        lambda: services.jobseeker_profile_review(
            user=request.user,
            job_seeker_id=id,
            expected_version=_version(request.POST.get("version")),
        ),
        _("The profile is marked as reviewed today."),
    )


@login_required
@require_POST
def job_seeker_outflow(request, id: int):
    """The job seeker leaves the file; a refusal is shown on the file, nothing is written."""
    selectors.jobseeker_for_action(user=request.user, id=id, action="change")
    form = OutflowForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                # An ErrorList gives its messages as text; the stubs say ValidationError too.
                messages.error(request, error)  # type: ignore[arg-type]
        return redirect("jobseekers:detail", id=id)
    return _file_action(
        request,
        id,
        lambda: services.jobseeker_leave(
            user=request.user,
            job_seeker_id=id,
            expected_version=_version(request.POST.get("version")),
            left_on=form.cleaned_data["left_on"],
            reason=form.cleaned_data["reason"],
        ),
        lambda job_seeker: (
            _("%(name)s left the file on %(date)s.")
            % {"name": job_seeker.full_name, "date": job_seeker.left_on.strftime("%d-%m-%Y")}
        ),
    )


@login_required
@require_POST
def job_seeker_reentry(request, id: int):
    return _file_action(
        request,
        id,
        lambda: services.jobseeker_reenter(
            user=request.user,
            job_seeker_id=id,
            expected_version=_version(request.POST.get("version")),
        ),
        _("The job seeker is back in the file."),
    )


@login_required
def job_seeker_create(request):
    if not request.user.has_perm("jobseekers.add_jobseeker"):
        raise PermissionDenied
    municipality = Municipality.objects.get(pk=acting_municipality_id(request.user, FILE_ROLES))
    form = JobSeekerForm(
        request.POST or None,
        municipality=municipality,
        show_restricted=True,
        initial={"contact_person": request.user.pk},
    )
    if request.method == "POST" and form.is_valid():
        try:
            job_seeker = services.jobseeker_create(
                user=request.user, municipality=municipality, data=form.changes()
            )
        except AccessError:
            raise
        except DomainError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("%(name)s is registered.") % {"name": job_seeker.full_name})
            return redirect("jobseekers:detail", id=job_seeker.pk)
    return render(
        request,
        "jobseekers/form.html",
        {"form": form, "js": None},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def job_seeker_access_log(request, id: int):
    events = selectors.access_log_list(user=request.user, job_seeker_id=id)
    job_seeker = selectors.jobseeker_get(
        user=request.user, id=id, purpose=AuditEvent.Purpose.ACCESS_LOG
    )
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    return render(request, "jobseekers/access_log.html", {"js": job_seeker, "page": page})
