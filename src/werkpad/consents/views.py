"""The caseworker records a consent on the job seeker's file page (RI5, TR4)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from werkpad.consents import selectors, services
from werkpad.consents.forms import RecordForm
from werkpad.core.errors import AccessError, DomainError, NotFoundError
from werkpad.core.models import AuditEvent

DONE = {
    "give": _("The consent is recorded."),
    "withdraw": _("The withdrawal is recorded; it takes effect at once."),
    "refuse": _("The answer is recorded: not shared."),
    "request": _("The job seeker is asked; they answer on their own pages."),
}


@login_required
@require_POST
def consent_record(request, job_seeker_id: int):
    job_seeker = selectors.consent_job_seeker(user=request.user, job_seeker_id=job_seeker_id)
    if job_seeker.user_id == request.user.pk or not request.user.has_perm("consents.request"):
        raise NotFoundError(code="jobseeker-not-found")
    back = reverse("jobseekers:detail", args=[job_seeker.pk]) + "#toestemming"
    form = RecordForm(
        request.POST, organisations=selectors.recipient_organisations(job_seeker=job_seeker)
    )
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
        return redirect(back)
    data = form.cleaned_data
    action = data["action"]
    try:
        if action == "give":
            services.consent_give(
                user=request.user,
                job_seeker_id=job_seeker.pk,
                recipient=data["recipient_code"],
                organisation_id=data["organisation_id"],
                part=data["part"],
                channel=data["channel"],
                reason=data["reason"],
            )
        elif action == "request":
            organisation = next(
                (
                    o
                    for o in selectors.recipient_organisations(job_seeker=job_seeker)
                    if o.pk == data["organisation_id"]
                ),
                None,
            )
            services.consent_request(
                user=request.user,
                job_seeker=job_seeker,
                recipient=data["recipient_code"],
                organisation=organisation,
                parts=[data["part"]],
                reason=data["reason"],
            )
        else:
            consent = (
                selectors.consent_list(
                    user=request.user,
                    job_seeker_id=job_seeker.pk,
                    purpose=AuditEvent.Purpose.CONSENTS,
                )
                .filter(
                    recipient=data["recipient_code"],
                    organisation_id=data["organisation_id"],
                    part=data["part"],
                )
                .first()
            )
            if consent is None:
                raise DomainError(
                    str(_("The job seeker has no such consent or question.")),
                    code="consent-not-found",
                )
            service = services.consent_withdraw if action == "withdraw" else services.consent_refuse
            service(
                user=request.user,
                consent_id=consent.pk,
                channel=data["channel"],
                reason=data["reason"],
            )
    except AccessError:
        raise
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, str(DONE[action]))
    return redirect(back)
