"""The home page with the user's worklist, the site's fixed pages, and the functional
administrator's pages: the minimum wage and the municipality's settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from werkpad.core import clock, selectors, services
from werkpad.core import privacy as privacy_rules
from werkpad.core.errors import AccessError, DomainError
from werkpad.core.forms import (
    MinimumWageRateForm,
    MunicipalitySettingsForm,
    save_form,
    show_refusal,
)
from werkpad.core.minimum_wage import (
    adult_rates,
    minimum_wage_add,
    missing_rates,
    next_date_to_add,
)
from werkpad.core.models import MunicipalitySettings
from werkpad.core.permissions import Role, scope_of
from werkpad.core.worklist import worklist_for

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


@login_required
def home(request: HttpRequest) -> HttpResponse:
    scope = scope_of(request.user)
    if scope.roles == {Role.JOB_SEEKER}:
        return redirect("portal:home")
    if scope.roles == {Role.EMPLOYER}:
        return redirect("myemployer:home")
    return render(request, "core/home.html", {"worklist": worklist_for(request.user)})


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "core/accessibility.html")


def privacy(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "core/privacy.html",
        {
            "min_cell": settings.WERKPAD_MIN_CELL,
            "provider_keeps_years": privacy_rules.PROVIDER_KEEPS_OWN_RECORDS_YEARS,
        },
    )


@login_required
def minimum_wage(request: HttpRequest) -> HttpResponse:
    """TR6: the functional administrator enters a newly published minimum wage;
    the wage checks waiting for it run again."""
    if not request.user.has_perm("core.enter_minimum_wage"):
        raise PermissionDenied
    form = MinimumWageRateForm(request.POST or None, initial={"valid_from": next_date_to_add()})
    if request.method == "POST" and form.is_valid():
        try:
            added = minimum_wage_add(user=request.user, **form.cleaned_data)
        except AccessError:
            raise
        except DomainError as error:
            show_refusal(form, error)
        else:
            valid_from = form.cleaned_data["valid_from"].strftime("%d-%m-%Y")
            messages.success(
                request,
                _("The minimum wage from %(date)s is entered.") % {"date": valid_from}
                + " "
                + ngettext(
                    "%(count)s waiting wage check ran again; %(below)s is below the minimum.",
                    "%(count)s waiting wage checks ran again; %(below)s are below the minimum.",
                    added.recheck.rechecked,
                )
                % {"count": added.recheck.rechecked, "below": added.recheck.below_minimum},
            )
            return redirect("core:minimum-wage")
    return render(
        request,
        "core/minimum_wage.html",
        {
            "form": form,
            "missing": missing_rates(
                today=clock.today(),
                municipality_ids=scope_of(request.user).municipalities(Role.FUNCTIONAL_ADMIN),
            ),
            "rates": adult_rates(),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
def municipality_settings_index(request: HttpRequest) -> HttpResponse:
    """The functional administrator's settings: straight to their municipality's, or a
    choice when they administer several."""
    if not request.user.has_perm("core.list_municipality_settings"):
        raise PermissionDenied
    municipalities = list(selectors.municipality_settings_administered(user=request.user))
    if len(municipalities) == 1:
        return redirect("core:municipality-settings", id=municipalities[0].pk)
    return render(
        request, "core/municipality_settings_index.html", {"municipalities": municipalities}
    )


def _setting_label(name: str) -> StrOrPromise:
    try:
        field = MunicipalitySettings._meta.get_field(name)
    except FieldDoesNotExist:
        return name
    assert isinstance(field, models.Field)  # a setting is a column, not a relation
    return capfirst(field.verbose_name)


@login_required
def municipality_settings(request: HttpRequest, id: int) -> HttpResponse:
    """A municipality's periods and terms, each with its explanation and legal source;
    every change audited, a stale one refused (issue 7)."""
    current = selectors.municipality_settings_get(user=request.user, id=id)
    form = MunicipalitySettingsForm(request.POST or None, instance=current)
    edit = save_form(
        request,
        form,
        lambda version: services.municipality_settings_update(
            user=request.user,
            municipality_id=id,
            expected_version=version,
            data=form.changes(),
        ),
    )
    if edit.ok:
        messages.success(request, _("The settings are saved."))
        return redirect("core:municipality-settings", id=id)
    return render(
        request,
        "core/municipality_settings.html",
        {
            "form": form,
            "municipality": current.municipality,
            "saved": not current._state.adding,
            "changes": [
                (event, [_setting_label(name) for name in event.fields])
                for event in selectors.municipality_settings_changes(user=request.user, id=id)
            ],
            "stale": edit.stale,
        },
        status=edit.status,
    )
