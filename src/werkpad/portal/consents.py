"""The job seeker's consents on their own pages (RI5, TR4): per trajectory's provider
and for employers, which parts of the file may go there; give, refuse or withdraw each
at any time, the health part apart; open requests first; every change in the history
and in "who looked at my file"."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from werkpad.consents import parts as file_parts
from werkpad.consents import selectors, services
from werkpad.consents.models import Consent
from werkpad.consents.workflow import Status
from werkpad.core.errors import AccessError, DomainError
from werkpad.core.models import AuditEvent
from werkpad.portal.views import _own, job_seeker_only
from werkpad.trajectories import selectors as trajectory_selectors
from werkpad.trajectories.workflow import ENDED

#: The latest changes shown on the page.
HISTORY_ROWS = 30


def _rows(found: dict, codes) -> list[dict]:
    return [{"part": file_parts.PARTS[code], "consent": found.get(code)} for code in codes]


def consent_groups(consents: list[Consent], trajectories) -> list[dict]:
    """Per recipient: who it is, what it is for, and each part with its consent (or none).
    A provider of a running trajectory is shown even before any consent."""
    by_key: dict[tuple[str, int | None], dict[str, Consent]] = {}
    names: dict[int, str] = {}
    for consent in consents:
        by_key.setdefault((consent.recipient, consent.organisation_id), {})[consent.part] = consent
        if consent.organisation is not None:
            names[consent.organisation.pk] = consent.organisation.name
    programmes: dict[int, list[str]] = {}
    for trajectory in trajectories:
        organisation = trajectory.provider.organisation_id
        if trajectory.status not in ENDED:
            programmes.setdefault(organisation, []).append(trajectory.programme.name)
            names.setdefault(organisation, trajectory.provider.name)
            by_key.setdefault((Consent.Recipient.PROVIDER, organisation), {})
    groups = []
    for (recipient, organisation), found in sorted(
        by_key.items(), key=lambda item: (item[0][0], names.get(item[0][1] or 0, ""))
    ):
        if recipient == Consent.Recipient.EMPLOYERS:
            continue
        ordinary = [c for c in file_parts.CODES if c != file_parts.HEALTH]
        groups.append(
            {
                "recipient": recipient,
                "organisation_id": organisation,
                "name": names.get(organisation or 0, ""),
                "programmes": programmes.get(organisation or 0, []),
                "rows": _rows(found, ordinary),
                "health": _rows(found, [file_parts.HEALTH])[0],
            }
        )
    employers = by_key.get((Consent.Recipient.EMPLOYERS, None), {})
    groups.append(
        {
            "recipient": Consent.Recipient.EMPLOYERS,
            "organisation_id": None,
            "name": "",
            "programmes": [],
            "rows": _rows(employers, file_parts.EMPLOYER_PARTS),
            "health": None,
        }
    )
    return groups


@job_seeker_only
def consents(request):
    job_seeker = _own(request)
    queryset = selectors.consent_list(
        user=request.user, job_seeker_id=job_seeker.pk, purpose=AuditEvent.Purpose.CONSENTS
    )
    found = list(queryset)
    trajectories = trajectory_selectors.job_seeker_trajectories(
        user=request.user, job_seeker_id=job_seeker.pk
    )
    return render(
        request,
        "portal/consents.html",
        {
            "js": job_seeker,
            "requests": [c for c in found if c.status == Status.REQUESTED],
            "groups": consent_groups(found, trajectories),
            "basis": file_parts.BASIS_EXPLANATION,
            "history": list(selectors.job_seeker_history(consents=queryset)[:HISTORY_ROWS]),
        },
    )


def _answer(request, call, done: str):
    try:
        call()
    except AccessError:
        raise
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, done)
    return redirect("portal:consents")


def _organisation_id(value: str) -> int | None:
    return int(value) if value.isdigit() else None


@require_POST
@job_seeker_only
def consent_give(request):
    job_seeker = _own(request)
    return _answer(
        request,
        lambda: services.consent_give(
            user=request.user,
            job_seeker_id=job_seeker.pk,
            recipient=request.POST.get("recipient", ""),
            organisation_id=_organisation_id(request.POST.get("organisation", "")),
            part=request.POST.get("part", ""),
        ),
        _("Thank you. Your consent is saved: this part of your file may be shared."),
    )


@require_POST
@job_seeker_only
def consent_withdraw(request, id: int):
    return _answer(
        request,
        lambda: services.consent_withdraw(user=request.user, consent_id=id),
        _("Your consent is withdrawn. From now on this part of your file is no longer shared."),
    )


@require_POST
@job_seeker_only
def consent_refuse(request, id: int):
    return _answer(
        request,
        lambda: services.consent_refuse(user=request.user, consent_id=id),
        _("Saved: you said no. This part of your file is not shared."),
    )
