"""The mediation's forms."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from werkpad.mediations.models import Outcome


class RequestForm(forms.Form):
    trajectory = forms.TypedChoiceField(label=_("Trajectory"), coerce=int)
    reason = forms.CharField(
        label=_("What is the disagreement about?"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=4000,
    )

    def __init__(self, *args: Any, trajectories=(), own: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        trajectory = self.fields["trajectory"]
        assert isinstance(trajectory, forms.ChoiceField)
        trajectory.choices = [
            (t.pk, f"{t.programme.name} ({t.status_label})") for t in trajectories
        ]
        if own:
            self.fields["trajectory"].label = _("About which trajectory?")
            self.fields["reason"].label = _("What do you disagree about?")
            self.fields["reason"].help_text = _("Write it in your own words.")


class AppointForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    name = forms.CharField(label=_("Mediator"), max_length=200)
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        help_text=_("Independent: not the municipality and not the provider."),
    )


class SessionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    held_on = forms.DateField(
        label=_("Date of the session"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    notes = forms.CharField(
        label=_("Notes"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=10000,
        help_text=_("The job seeker reads them; the provider sees only that the session was held."),
    )


class OutcomeForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=Outcome.choices, widget=forms.RadioSelect
    )
    text = forms.CharField(
        label=_("What was agreed"), widget=forms.Textarea(attrs={"rows": 5}), max_length=10000
    )


class WithdrawForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    reason = forms.CharField(
        label=_("Why withdraw it?"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )
