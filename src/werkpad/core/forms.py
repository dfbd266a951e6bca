"""Shared form behaviour of the UI."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from werkpad.core.errors import DomainError, InvalidInputError


def show_refusal(form, error: DomainError) -> None:
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
