"""The page with every programme that fits a job seeker (PR3)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from werkpad.insights.fit import programme_fit_list
from werkpad.jobseekers.selectors import jobseeker_for_action


@login_required
def programme_fit(request, id: int):
    """Refused before anything is read: someone who cannot see the file gets 404, someone
    who can but is no caseworker of it (the job seeker) 403; the fit read is audited."""
    # Whoever may work on the file (its municipality's caseworkers) may see what fits it.
    job_seeker = jobseeker_for_action(user=request.user, id=id, action="change")
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
