"""The trajectory forms: referral, progress report, end report, evaluation, reasons."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from werkpad.core.text import TextRulesMixin
from werkpad.jobseekers.models import LadderRung
from werkpad.trajectories import handover
from werkpad.trajectories.models import ActivityFormat, ContractType, Outcome

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ReferralForm(TextRulesMixin, forms.Form):
    programme = forms.TypedChoiceField(label=_("Programme"), coerce=int)
    reason = forms.CharField(
        label=_("Why this programme"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The job seeker reads this on their own pages."),
    )
    target_group_reason = forms.CharField(
        label=_("Why refer outside the target group"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Required when the job seeker's rung or target group (age, for example) lies "
            "outside the programme's: the table above says which. The provider reads it."
        ),
    )
    alternatives = forms.TypedMultipleChoiceField(
        label=_("Programmes also considered"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    alternatives_note = forms.CharField(
        label=_("Why not the others"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    handover_fields = forms.MultipleChoiceField(
        label=_("Shared with the provider"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    ask_health_consent = forms.BooleanField(
        label=_("Ask the job seeker for consent to share health information with the provider"),
        required=False,
        help_text=_(
            "The job seeker answers on their own pages; the provider reads the health items "
            "only once they say yes, and no longer once they withdraw it. The other parts "
            "you share are recorded as agreed in this conversation."
        ),
    )
    activity_format = forms.ChoiceField(
        label=_("Activities"),
        choices=ActivityFormat.choices,
        initial=ActivityFormat.INDIVIDUAL,
        widget=forms.RadioSelect,
    )
    group_alternative = forms.CharField(
        label=_("Alternative to group activities"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Required when the job seeker prefers no group activities and the programme works "
            "in groups."
        ),
    )

    def __init__(self, *args, programmes, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(p.pk, f"{p.name} ({p.provider.name})") for p in programmes]
        self.fields["programme"].choices = [("", _("Choose a programme")), *choices]
        self.fields["alternatives"].choices = choices
        self.fields["handover_fields"].choices = [
            (
                name,
                handover.label(name)
                + (" *" if name in handover.REQUIRED_FIELDS else "")
                + (f" ({_('health')})" if name in handover.HEALTH_FIELDS else ""),
            )
            for name in handover.SHAREABLE_FIELDS
        ]
        self.fields["handover_fields"].initial = list(handover.DEFAULT_FIELDS)


class ProgressReportForm(TextRulesMixin, forms.Form):
    progress = forms.CharField(label=_("Progress"), widget=forms.Textarea(attrs={"rows": 4}))
    activities = forms.CharField(
        label=_("Activities done"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    next_steps = forms.CharField(
        label=_("Agreements and next steps"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    health_section = forms.CharField(
        label=_("Health and psychological situation"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Special category: never shown to an employer."),
    )

    def __init__(self, *args, health_allowed: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not health_allowed:
            del self.fields["health_section"]


class EndReportForm(TextRulesMixin, forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices)
    summary = forms.CharField(
        label=_("Summary"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    contract_type = forms.ChoiceField(
        label=_("Contract"), required=False, choices=[("", "—"), *ContractType.choices]
    )
    hours_per_week = forms.DecimalField(
        label=_("Hours per week"), required=False, min_value=0, max_value=60, decimal_places=1
    )
    hourly_wage = forms.DecimalField(
        label=_("Hourly wage (euro, gross)"), required=False, min_value=0, decimal_places=2
    )
    employer_name = forms.CharField(label=_("Employer"), required=False, max_length=200)
    work_start_date = forms.DateField(label=_("Work starts on"), required=False, widget=DATE)
    cao_conform = forms.NullBooleanField(
        label=_("Wage and conditions follow the CAO"),
        required=False,
    )
    working_condition_incidents = forms.CharField(
        label=_("Working-condition incidents"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    cv_contribution = forms.CharField(
        label=_("What the work adds to the CV"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    schooling = forms.CharField(label=_("Schooling"), required=False, max_length=200)
    rung_after = forms.TypedChoiceField(
        label=_("Rung at the end"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "—"), *LadderRung.choices],
    )
    volunteer_organisation = forms.CharField(
        label=_("Volunteer work at"), required=False, max_length=200
    )
    job_guarantee_realised = forms.BooleanField(
        label=_("The promised job guarantee was realised"), required=False
    )

    def end_report(self) -> dict:
        data = {k: v for k, v in self.cleaned_data.items() if k != "version"}
        return {k: v for k, v in data.items() if v not in (None, "") or k == "outcome"}


class EvaluationForm(TextRulesMixin, forms.Form):
    choices_made = forms.CharField(
        label=_("Choices made"), widget=forms.Textarea(attrs={"rows": 3})
    )
    guidance_style = forms.CharField(
        label=_("Guidance style"), widget=forms.Textarea(attrs={"rows": 3})
    )
    what_worked = forms.CharField(label=_("What worked"), widget=forms.Textarea(attrs={"rows": 3}))
    what_did_not = forms.CharField(
        label=_("What did not work"), widget=forms.Textarea(attrs={"rows": 3})
    )
    job_seeker_view = forms.CharField(
        label=_("The job seeker's view"), widget=forms.Textarea(attrs={"rows": 3})
    )
