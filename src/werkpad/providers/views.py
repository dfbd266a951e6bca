"""The catalogue pages (PR2), the provider register (PR1) and the public programme pages."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from werkpad.core import clock, privacy
from werkpad.core.errors import (
    InvalidInputError,
)
from werkpad.core.forms import save_form
from werkpad.providers import selectors, services
from werkpad.providers.filters import ProgrammeFilter
from werkpad.providers.forms import ProgrammeForm, ProviderForm
from werkpad.providers.models import Programme, Provider

PAGE_SIZE = 25
#: The "at most ... weeks" choices of the catalogue's filter.
DURATION_CHOICES = (4, 8, 13, 26, 52)


def _catalogue_selects(params, providers) -> list[dict]:
    """The catalogue's select boxes with their options and what is selected."""

    def options(choices, name):
        chosen = set(params.getlist(name))
        return [(str(value), label, str(value) in chosen) for value, label in choices]

    def declared(name, all_label=None):
        spec = ProgrammeFilter.base_filters[name]
        return {
            "name": name,
            "label": spec.label,
            "all": all_label or _("All"),
            "options": options(spec.extra["choices"], name),
        }

    return [
        declared("lot"),
        {
            "name": "rung",
            "label": _("Serves rung"),
            "all": _("Any rung"),
            "options": options([(n, str(n)) for n in range(1, 7)], "rung"),
        },
        declared("targetGroup"),
        declared("format", _("Any format")),
        {
            "name": "maxWeeks",
            "label": _("Duration"),
            "all": _("Any duration"),
            "options": options(
                [(n, _("at most %(n)s weeks") % {"n": n}) for n in DURATION_CHOICES], "maxWeeks"
            ),
        },
        {
            "name": "provider",
            "label": _("Provider"),
            "all": _("All providers"),
            "options": options([(p.pk, p.name) for p in providers], "provider"),
        },
        {
            "name": "jobGuarantee",
            "label": _("Job guarantee"),
            "all": _("With or without"),
            "options": options([("true", _("With a job guarantee"))], "jobGuarantee"),
        },
        {
            "name": "active",
            "label": _("Referrals"),
            "all": _("Open and closed"),
            "options": options(
                [("true", _("Open for referrals")), ("false", _("Closed"))], "active"
            ),
        },
    ]


@login_required
def programme_list(request):
    try:
        queryset = selectors.programme_list(user=request.user, filters=request.GET)
    except InvalidInputError as error:
        messages.error(request, _("A filter was not valid and was left out: %s") % error.message)
        queryset = selectors.programme_list(user=request.user, filters={})
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    providers = selectors.provider_list(user=request.user).select_related(None).only("id", "name")
    context = {
        "page": page,
        "query": query.urlencode(),
        "selects": _catalogue_selects(request.GET, providers),
        "search": request.GET.get("search", ""),
        "may_add": request.user.has_perm("providers.add_programme"),
    }
    template = (
        "providers/_programme_results.html" if request.htmx else "providers/programme_list.html"
    )
    return render(request, template, context)


def _programme_or_404(request, id: int) -> Programme:
    return selectors.programme_get(user=request.user, id=id)


@login_required
def programme_detail(request, id: int):
    programme = _programme_or_404(request, id)
    return render(
        request,
        "providers/programme_detail.html",
        {
            "programme": programme,
            "may_change": request.user.has_perm("providers.change_programme", programme),
        },
    )


def _programme_form_page(request, *, programme: Programme | None, provider: Provider | None):
    if programme is not None:
        municipality = programme.municipality
    else:
        assert provider is not None  # a new programme is added to a provider
        municipality = provider.municipality
    form = ProgrammeForm(request.POST or None, instance=programme, municipality=municipality)

    def save(version: int) -> Programme:
        if programme is None:
            assert provider is not None
            return services.programme_create(
                user=request.user, provider=provider, data=form.changes()
            )
        return services.programme_update(
            user=request.user,
            programme_id=programme.pk,
            expected_version=version,
            data=form.changes(),
        )

    edit = save_form(request, form, save)
    if edit.ok:
        messages.success(request, _("The programme is saved."))
        return redirect("providers:programme-detail", id=edit.saved.pk)
    return render(
        request,
        "providers/programme_form.html",
        {"form": form, "programme": programme, "provider": provider, "stale": edit.stale},
        status=edit.status,
    )


@login_required
def programme_edit(request, id: int):
    programme = selectors.programme_get(user=request.user, id=id, for_action="change")
    return _programme_form_page(request, programme=programme, provider=None)


@login_required
def programme_create(request, provider_id: int):
    provider = selectors.provider_get(user=request.user, id=provider_id, for_action="change")
    return _programme_form_page(request, programme=None, provider=provider)


# --- providers ---------------------------------------------------------------


def _provider_or_404(request, id: int) -> Provider:
    return selectors.provider_get(user=request.user, id=id)


@login_required
def provider_list(request):
    providers = selectors.provider_list(user=request.user)
    today = clock.today()
    return render(
        request,
        "providers/provider_list.html",
        {"rows": [(provider, provider.certification_status(today)) for provider in providers]},
    )


@login_required
def provider_detail(request, id: int):
    provider = _provider_or_404(request, id)
    programmes = selectors.programme_list(user=request.user, filters={"provider": str(id)})
    return render(
        request,
        "providers/provider_detail.html",
        {
            "provider": provider,
            "status": provider.certification_status(clock.today()),
            "programmes": programmes,
            "may_change": request.user.has_perm("providers.change_provider", provider),
        },
    )


@login_required
def provider_edit(request, id: int):
    provider = selectors.provider_get(user=request.user, id=id, for_action="change")
    form = ProviderForm(request.POST or None, instance=provider)
    edit = save_form(
        request,
        form,
        lambda version: services.provider_update(
            user=request.user,
            provider_id=provider.pk,
            expected_version=version,
            data=form.changes(),
        ),
    )
    if edit.ok:
        messages.success(request, _("The provider is saved."))
        return redirect("providers:provider-detail", id=provider.pk)
    return render(
        request,
        "providers/provider_form.html",
        {"form": form, "provider": provider, "stale": edit.stale},
        status=edit.status,
    )


# --- the public pages ----------------------------------------------------------


def public_index(request):
    """Every programme open for referrals, by municipality and lot; no login needed."""
    return render(
        request, "providers/public_index.html", {"programmes": selectors.programme_public_list()}
    )


def public_programme(request, slug: str):
    """What a job seeker needs to know about one programme, in plain language; no login."""
    programme = selectors.programme_public_get(slug=slug)
    contacts = selectors.municipality_contacts(municipality_id=programme.municipality_id)
    return render(
        request,
        "providers/public_programme.html",
        {
            "programme": programme,
            "provider": programme.provider,
            "municipality": programme.municipality,
            "municipality_office": contacts["municipality"],
            "advisor_office": contacts["advisor"],
            "provider_keeps_years": privacy.PROVIDER_KEEPS_OWN_RECORDS_YEARS,
        },
    )
