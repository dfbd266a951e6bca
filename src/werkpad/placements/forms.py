"""The forms of referrals to vacancies, placements and the self-employment route."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from werkpad.placements.models import ContractType, SelfEmploymentRoute

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _choices(field: forms.Field, rows: list[tuple[Any, str]], empty: bool = True) -> None:
    assert isinstance(field, forms.ChoiceField)
    field.choices = ([("", "—")] if empty else []) + rows


class ReferralForm(forms.Form):
    vacancy = forms.TypedChoiceField(
        label=_("Vacancy"),
        coerce=int,
        error_messages={"required": _("Choose an open vacancy of the municipality.")},
    )
    support = forms.CharField(
        label=_("Application support given"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        help_text=_("CV checked, letter, interview training, went along to the interview..."),
    )
    conflict_confirmed = forms.BooleanField(
        label=_("I have seen the conflict of interest and refer all the same"), required=False
    )

    def __init__(self, *args: Any, vacancies=(), **kwargs: Any):
        super().__init__(*args, **kwargs)
        _choices(
            self.fields["vacancy"],
            [
                (v.pk, f"{v.title} · {v.employer.name if v.employer else v.employer_name}")
                for v in vacancies
            ],
        )


class ReferralResultForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    step = forms.ChoiceField(
        label=_("Result"),
        choices=[
            ("invite", _("Invited for an interview")),
            ("reject", _("Rejected")),
            ("withdraw", _("Withdrawn")),
        ],
    )
    reason = forms.CharField(
        label=_("Why (for rejected or withdrawn)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )


class PlacementForm(forms.Form):
    referral = forms.TypedChoiceField(
        label=_("From a referral"), coerce=int, required=False, empty_value=None
    )
    employer = forms.TypedChoiceField(
        label=_("Employer of the register"), coerce=int, required=False, empty_value=None
    )
    employer_name = forms.CharField(
        label=_("Or the employer's name"),
        required=False,
        max_length=200,
        help_text=_("For an employer outside the register."),
    )
    self_found = forms.BooleanField(
        label=_("The job seeker found this job themselves"), required=False
    )
    job_title = forms.CharField(
        label=_("Job"),
        required=False,
        max_length=200,
        help_text=_("The vacancy's title when left empty."),
    )
    start_date = forms.DateField(
        label=_("Start date"), widget=_DATE, error_messages={"required": _("Give the start date.")}
    )
    contract_type = forms.ChoiceField(label=_("Contract"), choices=ContractType.choices)
    hours_per_week = forms.DecimalField(
        label=_("Hours per week"), min_value=Decimal("0.5"), max_value=Decimal(60), decimal_places=1
    )
    hourly_wage = forms.DecimalField(
        label=_("Hourly wage (euro, gross)"),
        min_value=Decimal("0.01"),
        max_digits=6,
        decimal_places=2,
        error_messages={"required": _("Give the gross hourly wage in euro, for example 14.40.")},
    )
    grants = forms.TypedMultipleChoiceField(
        label=_("Grants used"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )
    aftercare_plan = forms.CharField(
        label=_("After-care plan"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    job_coach_schedule = forms.CharField(
        label=_("Job-coach schedule"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    next_contact_on = forms.DateField(label=_("Next contact"), required=False, widget=_DATE)

    def __init__(self, *args: Any, referrals=(), employers=(), grants=(), **kwargs: Any):
        super().__init__(*args, **kwargs)
        _choices(
            self.fields["referral"],
            [
                (
                    r.pk,
                    f"{r.vacancy.title} · {r.vacancy.employer.name if r.vacancy.employer else r.vacancy.employer_name}",
                )
                for r in referrals
            ],
        )
        _choices(self.fields["employer"], [(e.pk, e.name) for e in employers])
        _choices(
            self.fields["grants"],
            [(g.pk, f"{g.instrument.name} ({g.granted_on:%d-%m-%Y})") for g in grants],
            empty=False,
        )


class FollowUpForm(forms.Form):
    still_in_work = forms.TypedChoiceField(
        label=_("Still in work?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Say whether the person is still in work.")},
    )
    working_for = forms.CharField(label=_("With whom"), required=False, max_length=200)
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    next_contact_on = forms.DateField(label=_("Next contact"), required=False, widget=_DATE)


class SelfEmploymentForm(forms.Form):
    information_given_on = forms.DateField(
        label=_("Information given on"),
        widget=_DATE,
        error_messages={"required": _("Give the date the information was given.")},
    )
    bbz_referred_on = forms.DateField(
        label=_("Referred to the Bbz desk on"), required=False, widget=_DATE
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    outcome = forms.ChoiceField(label=_("Outcome"), choices=SelfEmploymentRoute.Outcome.choices)
