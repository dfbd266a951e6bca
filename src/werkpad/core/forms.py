"""Shared form behaviour of the UI."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django import forms
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from werkpad.core.errors import AccessError, DomainError, InvalidInputError, StaleEditError
from werkpad.core.models import MunicipalitySettings

if TYPE_CHECKING:
    from django.forms.boundfield import BoundField
    from django_stubs_ext import StrOrPromise


@dataclass
class FormSave:
    """What saving a form through its service came to: ``ok`` with what the service
    returned (``saved``), or the refusal on the form; ``status`` is the page's answer
    (200 for the first view, 400 for a form sent back, 409 for a stale version)."""

    method: str
    ok: bool = False
    stale: bool = False
    saved: Any = None

    @property
    def status(self) -> int:
        if self.stale:
            return 409
        return 400 if self.method == "POST" else 200


def save_form(request: HttpRequest, form: forms.BaseForm, save: Callable[[int], Any]) -> FormSave:
    """The one way a page saves a versioned edit: for a POST with a valid form, call
    ``save(version)``, the service given the version the form carried. A stale version
    puts the "someone else changed it" message above the form; any other refusal shows
    at its field or above the form (``show_refusal``); nothing was written."""
    outcome = FormSave(method=request.method or "GET")
    if request.method != "POST" or not form.is_valid():
        return outcome
    try:
        outcome.saved = save(form.cleaned_data.get("version") or 0)
    except StaleEditError as error:
        outcome.stale = True
        form.add_error(None, error.message)
    except AccessError:
        raise
    except DomainError as error:
        show_refusal(form, error)
    else:
        outcome.ok = True
    return outcome


def refusal_status(form: forms.BaseForm, error: DomainError) -> int:
    """A step's refusal on its form, and the page's answer: the refusal's own status (400
    for bad input, 409 for a refused transition). A refusal of access is not the form's:
    it is raised again, to answer 403 or 404."""
    if isinstance(error, AccessError):
        raise error
    show_refusal(form, error)
    return error.status


def show_refusal(form: forms.BaseForm, error: DomainError) -> None:
    """Put a service's refusal on the form: each invalid field at that field,
    anything else (a rule, a stale edit) above the form."""
    if isinstance(error, InvalidInputError):
        for name, messages in error.errors.items():
            for message in messages:
                form.add_error(name if name in form.fields else None, message)
    else:
        form.add_error(None, error.message)


class MinimumWageRateForm(forms.Form):
    """A newly published statutory minimum wage (TR6): the functional administrator's entry."""

    valid_from = forms.DateField(
        label=_("Applies from"),
        help_text=_("1 January or 1 July."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    adult_hourly = forms.DecimalField(
        label=_("Hourly minimum wage for 21 and older (euro, gross)"),
        help_text=_("The youth and apprentice amounts follow from their statutory shares."),
        min_value=Decimal("0.01"),
        max_digits=6,
        decimal_places=2,
    )
    source = forms.CharField(
        label=_("Source"),
        help_text=_("The published decision, for example the SZW decision and its number."),
        max_length=300,
    )


class MunicipalitySettingsForm(forms.ModelForm[MunicipalitySettings]):
    """A municipality's settings as its functional administrator edits them; ``version``
    is the lock. Each field has the model's bounds, with the reason where the law sets
    them."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    ombudsman_website = forms.URLField(
        label=_("ombudsman's website"), max_length=300, assume_scheme="https"
    )

    #: The page's groups: a legend and the settings under it.
    GROUPS = (
        (_("Job seekers and plans"), ("profile_review_months", "plan_review_months")),
        (_("Trajectories"), ("report_interval_weeks",)),
        (_("Reminders"), ("notification_lead_working_days",)),
        (
            _("Complaints (Algemene wet bestuursrecht, chapter 9)"),
            (
                "complaint_term_weeks",
                "complaint_committee_term_weeks",
                "uses_complaint_committee",
                "complaint_dissatisfaction_weeks",
                "complaint_dissatisfaction_route",
                "ombudsman_name",
                "ombudsman_address",
                "ombudsman_website",
            ),
        ),
        (_("Second opinion"), ("second_opinion_term_weeks",)),
        (_("Client council"), ("council_advice_days",)),
        (_("Employers"), ("employer_answer_hours",)),
    )

    class Meta:
        model = MunicipalitySettings
        fields = list(MunicipalitySettings.EDITABLE)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.instance.version
        for name in MunicipalitySettings.TERMS:
            # The model's bounds, with their messages, so that every error shows at once;
            # the service checks them again in its transaction.
            field = self.fields[name]
            field.validators = [*field.validators, *MunicipalitySettings.bounds(name)]
            low, high = (v.limit_value for v in MunicipalitySettings.bounds(name))
            field.widget.attrs.update(min=low, max=high, inputmode="numeric")

    def _post_clean(self) -> None:
        # Model validation runs in the service, in one transaction with the write.
        pass

    def changes(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.changed_data if name != "version"}

    def groups(self) -> list[tuple[StrOrPromise, list[BoundField]]]:
        """(legend, bound fields) per group, in the order the page shows them."""
        return [(legend, [self[name] for name in names]) for legend, names in self.GROUPS]
