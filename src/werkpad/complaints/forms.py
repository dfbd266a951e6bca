"""The complaint forms: filing (own pages and on someone's behalf) and the handler's steps."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
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
from werkpad.trajectories.models import Trajectory

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class TrajectoryChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.programme.name} – {obj.provider.name}"


class FileForm(forms.Form):
    """A complaint on one's own pages (or a caseworker's for a job seeker): optionally about
    one of the job seeker's trajectories, whose provider a complaint about a coach is
    about."""

    subject = forms.ChoiceField(label=_("What is your complaint about?"), choices=Subject.choices)
    trajectory = TrajectoryChoice(
        label=_("Is it about one of your trajectories? (optional)"),
        queryset=Trajectory.objects.none(),
        required=False,
        empty_label=_("No, not about one trajectory"),
    )
    about = forms.ModelChoiceField(
        label=_("Who is it about?"),
        queryset=Organisation.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
        required=False,
    )
    description = forms.CharField(
        label=_("What happened?"),
        help_text=_("Say what happened, when, and who was involved."),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=4000,
    )

    def __init__(
        self,
        *args: Any,
        about: list[Organisation],
        trajectories: QuerySet[Trajectory] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.about_choices = about
        if trajectories is None:
            del self.fields["trajectory"]
        else:
            choice = self.fields["trajectory"]
            assert isinstance(choice, forms.ModelChoiceField)
            choice.queryset = trajectories.select_related("programme", "provider").order_by(
                "-referred_on", "-pk"
            )
        field = self.fields["about"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Organisation.objects.filter(pk__in=[o.pk for o in about]).order_by(
            "kind", "name"
        )
        if len(about) == 1:
            field.initial = about[0].pk

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        trajectory = data.get("trajectory")
        if trajectory is not None and data.get("subject") == Subject.PROVIDER_CONDUCT:
            # the coach's provider follows from the trajectory
            provider = next(
                (o for o in self.about_choices if o.pk == trajectory.provider.organisation_id), None
            )
            if provider is not None:
                data["about"] = provider
                self.errors.pop("about", None)
        if data.get("about") is None and "about" not in self.errors:
            self.add_error("about", _("Choose who it is about."))
        return data


class TakenForm(FileForm):
    """A complaint a caseworker takes for a job seeker, at the desk or by phone."""

    channel = forms.ChoiceField(
        label=_("How did the complaint come in?"),
        choices=[c for c in Channel.choices if c[0] != Channel.WEB],
    )
    received_on = forms.DateField(label=_("Received on"), widget=DATE, required=False)


class OnBehalfForm(TakenForm):
    """A complaint a handler takes by phone, at the desk, by letter or e-mail: for a job
    seeker of the municipality, found by BSN or by name and date of birth, or for a named
    person without a file."""

    bsn = forms.CharField(
        label=_("BSN of the job seeker (if they have a file)"),
        max_length=9,
        required=False,
    )
    complainant_name = forms.CharField(
        label=_("Complainant's name"), max_length=200, required=False
    )
    birth_date = forms.DateField(
        label=_("Date of birth (to find the job seeker by name)"),
        widget=DATE,
        required=False,
    )
    complainant_address = forms.CharField(
        label=_("Address for letters"), max_length=300, required=False
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        bsn = (data.get("bsn") or "").strip()
        data["bsn"] = bsn
        if bsn and not (bsn.isdigit() and len(bsn) == 9):
            self.add_error("bsn", _("A BSN has 9 digits."))
        if not bsn and not (data.get("complainant_name") or "").strip():
            self.add_error("complainant_name", _("Give the BSN, or the name of the complainant."))
        return data


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
