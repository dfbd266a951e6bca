from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from werkpad.core.errors import InvalidInputError, PermissionDeniedError
from werkpad.core.filters import parse_id
from werkpad.insights import fit
from werkpad.insights.selectors import composition_get, composition_municipalities


@login_required
def composition(request):
    raw = request.GET.get("municipality", "")
    try:
        data = composition_get(user=request.user, municipality_id=parse_id(raw))
    except (PermissionDeniedError, InvalidInputError) as error:
        raise PermissionDenied(error.message) from error
    return render(
        request,
        "insights/composition.html",
        {
            "composition": data,
            "municipalities": composition_municipalities(user=request.user),
        },
    )


def _municipality_param(request) -> int | None:
    raw = request.GET.get("municipality", "")
    return parse_id(raw)


@login_required
def gaps(request):
    """PR3: job-seeker segments that no active programme fits."""
    try:
        data = fit.programme_gap_list(
            user=request.user, municipality_id=_municipality_param(request)
        )
    except (PermissionDeniedError, InvalidInputError) as error:
        raise PermissionDenied(error.message) from error
    return render(
        request,
        "insights/gap.html",
        {
            "gaps": data,
            "municipalities": fit.aggregate_municipalities(user=request.user, roles=fit.GAP_ROLES),
        },
    )


@login_required
def concentration(request):
    """PR4: how each caseworker's referrals spread over the programmes (policy officers)."""
    try:
        data = fit.referral_concentration_list(
            user=request.user, municipality_id=_municipality_param(request)
        )
    except (PermissionDeniedError, InvalidInputError) as error:
        raise PermissionDenied(error.message) from error
    return render(
        request,
        "insights/concentration.html",
        {
            "concentration": data,
            "municipalities": fit.aggregate_municipalities(
                user=request.user, roles=fit.CONCENTRATION_ROLES
            ),
        },
    )
