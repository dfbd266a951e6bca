"""The forms of matching (MA1, EM6): the search profile, the employer's request for an
introduction, the job seeker's answer and the candidate file's filters."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from werkpad.matching.models import Limitation


def _list(text: str) -> list[str]:
    """Entries separated by commas or new lines."""
    return [part.strip() for line in text.splitlines() for part in line.split(",") if part.strip()]


class SearchProfileForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    occupation_codes = forms.CharField(
        label=_("Occupations sought (ISCO-08 codes)"),
        max_length=300,
        help_text=_("Four digits each, separated by commas; for example 9112, 5223."),
    )
    skills = forms.CharField(
        label=_("Skills"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Separated by commas, in the words vacancies use."),
    )
    regions = forms.MultipleChoiceField(
        label=_("Labour-market regions accepted"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None chosen: the region of the municipality."),
    )
    min_hours = forms.DecimalField(
        label=_("Minimum hours per week"), min_value=0, max_value=60, decimal_places=1
    )
    max_hours = forms.DecimalField(
        label=_("Maximum hours per week"), min_value=1, max_value=60, decimal_places=1
    )
    limitations = forms.MultipleChoiceField(
        label=_("Limitations (hard limits for matching)"),
        choices=Limitation.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Health data: used to leave out work that does not fit, never shown to an employer."
        ),
    )
    preferences = forms.CharField(
        label=_("Preferences"),
        max_length=500,
        required=False,
        help_text=_("Preferred occupations (ISCO-08), regions or conditions, separated by commas."),
    )

    def __init__(self, *args: Any, regions=(), limitations: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not limitations:
            # health data: only the contact person sets them
            del self.fields["limitations"]
        field = self.fields["regions"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = [(r.code, f"{r.name} ({r.code})") for r in regions]

    def service_values(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "occupation_codes": _list(data["occupation_codes"]),
            "skills": _list(data["skills"]),
            "regions": data["regions"],
            "min_hours": data["min_hours"],
            "max_hours": data["max_hours"],
            "limitations": data["limitations"] if "limitations" in self.fields else None,
            "preferences": _list(data["preferences"]),
        }

    @staticmethod
    def initial_of(profile) -> dict[str, Any]:
        if profile is None:
            return {"min_hours": 0, "max_hours": 40}
        return {
            "version": profile.version,
            "occupation_codes": ", ".join(profile.occupation_codes),
            "skills": ", ".join(profile.skills),
            "regions": profile.regions,
            "min_hours": profile.min_hours,
            "max_hours": profile.max_hours,
            "limitations": profile.limitations,
            "preferences": ", ".join(profile.preferences),
        }


class ConfirmForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class PreselectionForm(forms.Form):
    job_seeker = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    remove = forms.BooleanField(widget=forms.HiddenInput, required=False)


class CandidateFilterForm(forms.Form):
    occupation = forms.CharField(label=_("Occupation (ISCO-08)"), max_length=4, required=False)
    skill = forms.CharField(label=_("Skill"), max_length=100, required=False)
    region = forms.CharField(label=_("Region code"), max_length=8, required=False)
    hours = forms.DecimalField(
        label=_("Hours per week"), min_value=1, max_value=60, decimal_places=1, required=False
    )


class IntroductionForm(forms.Form):
    message = forms.CharField(
        label=_("Your message to the job seeker"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Who you are and why you would like to meet."),
    )
    vacancy = forms.TypedChoiceField(
        label=_("For the vacancy"), coerce=int, required=False, empty_value=None
    )

    def __init__(self, *args: Any, vacancies=(), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["vacancy"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", _("No particular vacancy"))] + [(v.pk, v.title) for v in vacancies]


class AnswerForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    agreed = forms.TypedChoiceField(
        label=_("Your answer"),
        choices=[("yes", _("Yes, I would like to meet")), ("no", _("No, thank you"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    share_email = forms.BooleanField(label=_("Share my e-mail address"), required=False)
    share_phone = forms.BooleanField(label=_("Share my phone number"), required=False)


class WithdrawForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
