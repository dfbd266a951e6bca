"""The instruments catalogue pages (IN1): everyone who uses it reads it, the functional
administrator edits it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from werkpad.core.errors import (
    AccessError,
    ConflictError,
    DomainError,
    InvalidInputError,
)
from werkpad.core.filters import parse_id
from werkpad.core.forms import save_form, show_refusal
from werkpad.core.models import Municipality
from werkpad.core.permissions import acting_municipality_id
from werkpad.instruments import selectors, services
from werkpad.instruments.forms import InstrumentForm
from werkpad.instruments.models import InstrumentType
from werkpad.instruments.rules import EDITORS


def _edited_municipality(request: HttpRequest) -> Municipality:
    return Municipality.objects.get(pk=acting_municipality_id(request.user, EDITORS))


@login_required
def instrument_list(request):
    try:
        instruments = selectors.instrument_list(user=request.user, filters=request.GET)
    except InvalidInputError as error:
        messages.error(request, _("A filter was not valid and was left out: %s") % error.message)
        instruments = selectors.instrument_list(user=request.user)
    instruments = list(instruments)
    chosen_type = request.GET.get("type", "")
    chosen_active = request.GET.get("active", "")
    present = {i.type for i in instruments}
    return render(
        request,
        "instruments/list.html",
        {
            "instruments": instruments,
            "types": [
                (value, label, value == chosen_type) for value, label in InstrumentType.choices
            ],
            "chosen_active": chosen_active,
            "may_edit": request.user.has_perm("instruments.add_instrument"),
            "missing_types": not request.GET and len(present) < len(InstrumentType.values),
        },
    )


@login_required
def instrument_create(request):
    if not request.user.has_perm("instruments.add_instrument"):
        raise PermissionDenied
    municipality = _edited_municipality(request)
    form = InstrumentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.instrument_create(
                user=request.user, municipality=municipality, data=form.changes()
            )
        except AccessError:
            raise
        except DomainError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The instrument is added."))
            return redirect("providers:instrument-list")
    return render(
        request,
        "instruments/form.html",
        {"form": form, "instrument": None},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def instrument_edit(request, id: int):
    instrument = selectors.instrument_get(user=request.user, id=id, for_action="change")
    form = InstrumentForm(request.POST or None, instance=instrument)
    edit = save_form(
        request,
        form,
        lambda version: services.instrument_update(
            user=request.user,
            instrument_id=id,
            expected_version=version,
            data=form.changes(),
        ),
    )
    if edit.ok:
        messages.success(request, _("The instrument is saved."))
        return redirect("providers:instrument-list")
    return render(
        request,
        "instruments/form.html",
        {"form": form, "instrument": instrument, "stale": edit.stale},
        status=edit.status,
    )


@login_required
@require_POST
def instrument_deactivate(request, id: int):
    try:
        services.instrument_deactivate(
            user=request.user,
            instrument_id=id,
            expected_version=parse_id(request.POST.get("version", "")) or 0,
        )
    except (ConflictError, InvalidInputError) as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The instrument is deactivated."))
    return redirect("providers:instrument-list")


@login_required
@require_POST
def instrument_seed(request):
    """Add every instrument type the catalogue does not hold yet, with its default."""
    municipality = _edited_municipality(request)
    created = services.instrument_catalogue_seed(user=request.user, municipality=municipality)
    messages.success(
        request,
        ngettext(
            "%(n)s instrument added from the default catalogue.",
            "%(n)s instruments added from the default catalogue.",
            len(created),
        )
        % {"n": len(created)},
    )
    return redirect("providers:instrument-list")
