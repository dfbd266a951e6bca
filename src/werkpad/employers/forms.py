"""The forms of the employer service (EM1-EM5, EM8)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from werkpad.core.models import LabourMarketRegion
from werkpad.employers import reference
from werkpad.employers.models import Channel, Distribution, Size, UpdateKind
from werkpad.employers.services import CONDITIONS
from werkpad.jobseekers.models import EducationLevel

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
CONDITION_LABELS = {
    "night_work": _("Night work"),
    "heavy_lifting": _("Heavy lifting"),
    "customer_contact": _("Customer contact"),
    "driving": _("Driving"),
    "standing": _("Standing work"),
    "shift_work": _("Shift work"),
    "outdoor_work": _("Outdoor work"),
    "working_at_height": _("Working at height"),
}


class _Versioned(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class EmployerForm(_Versioned):
    name = forms.CharField(label=_("Name"), max_length=200)
    kvk_number = forms.CharField(
        label=_("KvK number"),
        max_length=8,
        help_text=_("8 digits, from the Chamber of Commerce register."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    sbi_section = forms.ChoiceField(
        label=_("Sector (SBI section)"), choices=reference.SBI_SECTION_CHOICES
    )
    sbi_division = forms.ChoiceField(
        label=_("Sector (SBI division)"),
        choices=reference.SBI_DIVISION_CHOICES,
        help_text=_("A division of the section chosen above."),
    )
    size = forms.ChoiceField(label=_("Size"), choices=Size.choices)
    region = forms.ModelChoiceField(
        label=_("Labour-market region"), queryset=LabourMarketRegion.objects.order_by("code")
    )
    networks = forms.CharField(
        label=_("Networks"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Business clubs, sector networks, platforms."),
    )
    csr = forms.BooleanField(label=_("Corporate social responsibility policy"), required=False)
    cao_obligation = forms.BooleanField(
        label=_("CAO agreement on inclusive hiring"), required=False
    )
    sroi_obligation = forms.BooleanField(label=_("SROI obligation"), required=False)
    banenafspraak = forms.BooleanField(label=_("Takes part in the banenafspraak"), required=False)


class _VacancyFields(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    occupation_code = forms.ChoiceField(
        label=_("Occupation (ISCO-08)"), choices=[("", "---------"), *reference.ISCO_CHOICES]
    )
    skills = forms.CharField(
        label=_("Skills"),
        required=False,
        help_text=_("Separated by semicolons, e.g. cleaning; working independently."),
    )
    min_education_level = forms.ChoiceField(
        label=_("Required education"), choices=EducationLevel.choices
    )
    hours_per_week = forms.DecimalField(
        label=_("Hours per week"), min_value=1, max_value=60, max_digits=4, decimal_places=1
    )
    conditions = forms.MultipleChoiceField(
        label=_("Working conditions"),
        required=False,
        choices=[(code, CONDITION_LABELS[code]) for code in CONDITIONS],
        widget=forms.CheckboxSelectMultiple,
    )
    positions = forms.IntegerField(label=_("Positions"), min_value=1, max_value=999, initial=1)
    expires_on = forms.DateField(label=_("Expires on"), widget=DATE)


class ReportForm(_VacancyFields):
    """The employer's own report: the agreements follow at the answer."""


class IntakeForm(_VacancyFields):
    employer = forms.TypedChoiceField(label=_("Employer"), coerce=int)
    channel = forms.ChoiceField(
        label=_("Reported through"),
        choices=[
            c for c in Channel.choices if c[0] in (Channel.EMAIL, Channel.PHONE, Channel.VISIT)
        ],
    )
    distribution = forms.ChoiceField(label=_("Distribution"), choices=Distribution.choices)
    preselection = forms.BooleanField(
        label=_("Preselection by the employer service"), required=False, initial=True
    )

    field_order = ["employer", "channel", "title"]

    def __init__(self, *args: Any, employers=(), **kwargs: Any):
        super().__init__(*args, **kwargs)
        employer = self.fields["employer"]
        assert isinstance(employer, forms.ChoiceField)
        employer.choices = [("", "---------")] + [(e.pk, e.name) for e in employers]


class AnswerForm(_Versioned):
    text = forms.CharField(
        label=_("Fill possibilities"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What you told the employer: candidates in view, preselection, the approach."),
    )
    expected_fill_by = forms.DateField(label=_("Expected to be filled by"), widget=DATE)


class UpdateForm(_Versioned):
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[c for c in UpdateKind.choices if c[0] != UpdateKind.ANSWER]
    )
    text = forms.CharField(
        label=_("Message to the employer"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class FillForm(_Versioned):
    text = forms.CharField(
        label=_("After-care agreed"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Sent to the employer, e.g. when you call and the job coach's visits."),
    )


class CloseForm(_Versioned):
    reason = forms.CharField(
        label=_("Why it is not filled"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    advice = forms.CharField(
        label=_("Advice to the employer"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )


class WithdrawForm(_Versioned):
    reason = forms.CharField(
        label=_("Why withdraw it?"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("File (CSV or XLSX)"),
        help_text=_("One vacancy a row; the first row names the columns."),
    )
    dry_run = forms.BooleanField(label=_("Only check, write nothing"), required=False)
