from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from werkpad.council.reports.workflow import PeriodKind


class ReportForm(forms.Form):
    municipality = forms.TypedChoiceField(label=_("Municipality"), coerce=int)
    period_kind = forms.ChoiceField(label=_("Period"), choices=PeriodKind.choices)
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    quarter = forms.TypedChoiceField(
        label=_("Quarter"),
        coerce=int,
        required=False,
        empty_value=None,
        choices=[("", "—"), (1, "Q1"), (2, "Q2"), (3, "Q3"), (4, "Q4")],
        help_text=_("Only for a quarter."),
    )
    notes = forms.CharField(
        label=_("Notes for the council"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
    )

    def __init__(self, *args, municipalities=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].choices = [(m.pk, m.name) for m in municipalities]


class NotesForm(forms.Form):
    notes = forms.CharField(
        label=_("Notes for the council"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
    )
