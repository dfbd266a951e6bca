"""The job seeker's own pages: their file, their contact person, who looked."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from werkpad.jobseekers import selectors


def _own(request):
    return selectors.jobseeker_get_own(user=request.user)


@login_required
def home(request):
    job_seeker = _own(request)
    return render(
        request,
        "portal/home.html",
        {
            "js": job_seeker,
            "history": selectors.ladder_history_list(job_seeker=job_seeker),
        },
    )


@login_required
def access_log(request):
    job_seeker = _own(request)
    events = selectors.access_log_list(user=request.user, job_seeker_id=job_seeker.pk)
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    return render(request, "portal/access_log.html", {"js": job_seeker, "page": page})
