"""The forms of grants and budgets (IN2)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _money(label: Any, **kwargs: Any) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        min_value=Decimal(0),
        max_digits=12,
        decimal_places=2,
        error_messages={"required": _("Give an amount in euro, for example 1500.00.")},
        **kwargs,
    )


class GrantForm(forms.Form):
    instrument = forms.TypedChoiceField(
        label=_("Instrument"),
        coerce=int,
        error_messages={"required": _("Choose an instrument of the municipality's catalogue.")},
    )
    amount = _money(_("Amount (euro)"))
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        error_messages={"required": _("Say why this instrument is granted.")},
    )
    granted_on = forms.DateField(label=_("Granted on"), required=False, widget=_DATE)

    def __init__(self, *args: Any, instruments=(), **kwargs: Any):
        super().__init__(*args, **kwargs)
        field = self.fields["instrument"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "—")] + [(i.pk, i.name) for i in instruments]


class GrantCancelForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    reason = forms.CharField(
        label=_("Why the grant is cancelled"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        error_messages={"required": _("Say why the grant is cancelled.")},
    )


class BudgetForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    amount = _money(_("Budget (euro)"))
    non_benefit_amount = _money(
        _("Of which for non-benefit job seekers (euro)"),
        help_text=_("The separate line for job seekers without a benefit."),
    )
    reasons = forms.CharField(
        label=_("Reasons for the budget choices"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        error_messages={"required": _("Record the reasons for this budget.")},
    )
