from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from werkpad.core.errors import InvalidInputError, PermissionDeniedError
from werkpad.insights.selectors import composition_get, composition_municipalities


@login_required
def composition(request):
    raw = request.GET.get("municipality", "")
    try:
        data = composition_get(
            user=request.user, municipality_id=int(raw) if raw.isdigit() else None
        )
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
