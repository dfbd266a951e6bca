"""The page with every programme that fits a job seeker (PR3)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render

from werkpad.insights.fit import programme_fit_list
from werkpad.jobseekers.rules import is_caseworker_of
from werkpad.jobseekers.selectors import jobseeker_scope


@login_required
def programme_fit(request, id: int):
    """Refused before anything is read: someone who cannot see the file gets 404, someone
    who can but is no caseworker of it (the job seeker) 403; the fit read is audited."""
    job_seeker = (
        jobseeker_scope(user=request.user)
        .select_related("municipality", "contact_person")
        .filter(pk=id)
        .first()
    )
    if job_seeker is None:
        raise Http404
    if not is_caseworker_of(request.user, job_seeker):
        raise PermissionDenied
    fit = programme_fit_list(user=request.user, job_seeker=job_seeker)
    return render(
        request,
        "insights/fit_list.html",
        {
            "js": job_seeker,
            "fit": fit,
            "may_refer": request.user.has_perm("trajectories.refer")
            and request.user.has_perm("jobseekers.change_jobseeker", job_seeker),
        },
    )
