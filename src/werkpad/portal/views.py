"""The job seeker's own pages: their file, their contact person, who looked, and what
their rights are (RI1)."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from werkpad.consents.selectors import open_request_count
from werkpad.core.decorators import role_required
from werkpad.core.models import MunicipalitySettings
from werkpad.core.permissions import Role
from werkpad.jobseekers import selectors
from werkpad.portal.filed import filed_list
from werkpad.providers.selectors import municipality_contacts


def _own(request):
    return selectors.jobseeker_get_own(user=request.user)


#: Logged in (else the login page) and holding the job-seeker role (else 403).
job_seeker_only = role_required(Role.JOB_SEEKER)


@login_required
def home(request):
    job_seeker = _own(request)
    return render(
        request,
        "portal/home.html",
        {
            "js": job_seeker,
            "history": selectors.ladder_history_list(job_seeker=job_seeker),
            "consent_requests": open_request_count(job_seeker_id=job_seeker.pk),
        },
    )


@login_required
def access_log(request):
    job_seeker = _own(request)
    events = selectors.access_log_list(user=request.user, job_seeker_id=job_seeker.pk)
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    return render(request, "portal/access_log.html", {"js": job_seeker, "page": page})


def _rights_page(request, template: str):
    """A page about the job seeker's rights, with their municipality's terms and
    contacts (the settings the functional administrator keeps)."""
    job_seeker = _own(request)
    contacts = municipality_contacts(municipality_id=job_seeker.municipality_id)
    return render(
        request,
        template,
        {
            "js": job_seeker,
            "municipality": job_seeker.municipality,
            "terms": MunicipalitySettings.of(job_seeker.municipality),
            "municipality_office": contacts["municipality"],
            "advisor_office": contacts["advisor"],
        },
    )


@job_seeker_only
def rights(request):
    """Rights and obligations under the Participatiewet, in plain Dutch."""
    return _rights_page(request, "portal/rights.html")


@job_seeker_only
def complaints(request):
    """How to complain (Awb chapter 9) and who handles what; no form yet."""
    return _rights_page(request, "portal/complaints.html")


@job_seeker_only
def second_opinion(request):
    """The independent labour advisor and the second opinion (seed 004)."""
    return _rights_page(request, "portal/second_opinion.html")


@job_seeker_only
def filed(request):
    """Everything the job seeker filed, with its status, who handles it and its term."""
    job_seeker = _own(request)
    return render(
        request,
        "portal/filed.html",
        {
            "js": job_seeker,
            "items": filed_list(user=request.user, job_seeker_id=job_seeker.pk),
        },
    )


@job_seeker_only
def mediation(request):
    """Independent mediation about a trajectory, also while it runs."""
    return _rights_page(request, "portal/mediation.html")
