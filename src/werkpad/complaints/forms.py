"""The complaint forms: filing (own pages and on someone's behalf) and the handler's steps."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from werkpad.complaints.models import (
    MAX_POSTPONEMENT_WEEKS,
    Channel,
    HandledBy,
    HearingSkipped,
    Outcome,
    Subject,
)
from werkpad.core.models import Organisation

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class FileForm(forms.Form):
    """A complaint on one's own pages."""

    subject = forms.ChoiceField(label=_("What is your complaint about?"), choices=Subject.choices)
    about = forms.ModelChoiceField(
        label=_("Who is it about?"),
        queryset=Organisation.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
    )
    description = forms.CharField(
        label=_("What happened?"),
        help_text=_("Say what happened, when, and who was involved."),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=4000,
    )

    def __init__(self, *args: Any, about: list[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["about"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Organisation.objects.filter(pk__in=[o.pk for o in about]).order_by(
            "kind", "name"
        )
        if len(about) == 1:
            field.initial = about[0].pk


class OnBehalfForm(FileForm):
    """A complaint a handler takes by phone, at the desk, by letter or e-mail."""

    channel = forms.ChoiceField(
        label=_("How did the complaint come in?"),
        choices=[c for c in Channel.choices if c[0] != Channel.WEB],
    )
    complainant_name = forms.CharField(label=_("Complainant's name"), max_length=200)
    complainant_address = forms.CharField(
        label=_("Address for letters"), max_length=300, required=False
    )
    received_on = forms.DateField(label=_("Received on"), widget=DATE, required=False)


class PostponeForm(forms.Form):
    weeks = forms.IntegerField(
        label=_("Postpone by (weeks)"),
        min_value=1,
        max_value=MAX_POSTPONEMENT_WEEKS,
        help_text=_("Once, by at most 4 weeks (Awb art. 9:11(2))."),
    )
    reason = forms.CharField(
        label=_("Why (the notice to the complainant says it)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
    )


class HearingForm(forms.Form):
    held_on = forms.DateField(label=_("Hearing held on"), widget=DATE, required=False)
    skipped = forms.ChoiceField(
        label=_("Or: the hearing was skipped because"),
        choices=[("", "—"), *HearingSkipped.choices],
        required=False,
    )
    notes = forms.CharField(
        label=_("Notes"), widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=4000
    )


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices)
    conclusions = forms.CharField(
        label=_("Conclusions"), widget=forms.Textarea(attrs={"rows": 5}), max_length=4000
    )
    measures = forms.CharField(
        label=_("Measures"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=4000,
    )


class LessonForm(forms.Form):
    text = forms.CharField(
        label=_("Lesson for the organisation"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is it withdrawn?"), widget=forms.Textarea(attrs={"rows": 2}), max_length=4000
    )


class DissatisfactionForm(forms.Form):
    text = forms.CharField(
        label=_("Why are you not satisfied?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
    )


class RoutingForm(forms.Form):
    """Who handles each subject in a municipality."""

    def __init__(self, *args: Any, current: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for value, label in Subject.choices:
            choices = HandledBy.choices
            if value == Subject.EMPLOYER_SERVICE:
                choices = [c for c in HandledBy.choices if c[0] == HandledBy.MUNICIPALITY]
            self.fields[value] = forms.ChoiceField(
                label=label, choices=choices, initial=current.get(value)
            )
