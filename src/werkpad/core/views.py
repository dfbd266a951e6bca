"""The home page with the user's worklist, and the site's fixed pages."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from werkpad.core import privacy as privacy_rules
from werkpad.core.permissions import Role, scope_of
from werkpad.core.worklist import worklist_for


@login_required
def home(request):
    scope = scope_of(request.user)
    if scope.roles == {Role.JOB_SEEKER}:
        return redirect("portal:home")
    return render(request, "core/home.html", {"worklist": worklist_for(request.user)})


def accessibility(request):
    return render(request, "core/accessibility.html")


def privacy(request):
    return render(
        request,
        "core/privacy.html",
        {
            "min_cell": settings.WERKPAD_MIN_CELL,
            "provider_keeps_years": privacy_rules.PROVIDER_KEEPS_OWN_RECORDS_YEARS,
        },
    )
