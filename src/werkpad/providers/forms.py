from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from werkpad.core.models import MunicipalitySettings
from werkpad.core.text import TextRulesMixin, WebAddressFormField
from werkpad.instruments.models import Instrument
from werkpad.providers.models import Expertise, Programme, Provider, TargetGroup
from werkpad.providers.services import PROGRAMME_EDITABLE, PROVIDER_EDITABLE

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXT = forms.Textarea(attrs={"rows": 4})

PROGRAMME_ORDER = [
    "name",
    "lot",
    "format",
    "rung_from",
    "rung_to",
    "duration_weeks",
    "price",
    "schooling_level",
    "report_interval_weeks",
    "plain_summary",
    "goal",
    "content",
    "target_groups",
    "staff_expertise",
    "job_guarantee",
    "job_guarantee_terms",
    "instruments",
    "active",
]
assert set(PROGRAMME_ORDER) == PROGRAMME_EDITABLE


if TYPE_CHECKING:
    _ModelForm = forms.ModelForm[Any]
else:
    _ModelForm = object


class _ChangesMixin(_ModelForm):
    editable: frozenset[str] = frozenset()

    def _post_clean(self) -> None:
        # Model validation runs in the service, in one transaction with the write.
        pass

    def changes(self) -> dict[str, Any]:
        names = [n for n in self.fields if n in self.editable]
        if self.instance.pk:
            names = [n for n in names if n in self.changed_data]
        return {name: self.cleaned_data[name] for name in names}


class ProgrammeForm(TextRulesMixin, _ChangesMixin, forms.ModelForm):
    """A programme as a policy officer edits it. ``version`` carries the optimistic lock."""

    editable = PROGRAMME_EDITABLE
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    target_groups = forms.MultipleChoiceField(
        label=_("Target groups"),
        choices=TargetGroup.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    staff_expertise = forms.MultipleChoiceField(
        label=_("Staff expertise"),
        choices=Expertise.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Programme
        fields = PROGRAMME_ORDER
        widgets = {
            "plain_summary": TEXT,
            "goal": TEXT,
            "content": TEXT,
            "job_guarantee_terms": forms.Textarea(attrs={"rows": 2}),
            "instruments": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["instruments"].queryset = Instrument.objects.filter(
            municipality=municipality, active=True
        ).order_by("type", "name")
        weeks = MunicipalitySettings.of(municipality).report_interval_weeks
        self.fields["report_interval_weeks"].help_text = ngettext(
            "Leave empty to follow the municipality's interval, now every week.",
            "Leave empty to follow the municipality's interval, now every %(weeks)s weeks.",
            weeks,
        ) % {"weeks": weeks}
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
            self.initial["target_groups"] = self.instance.target_groups
            self.initial["staff_expertise"] = self.instance.staff_expertise
            # An instrument deactivated since stays chosen and visible.
            self.fields["instruments"].queryset = Instrument.objects.filter(
                municipality=municipality
            ).order_by("type", "name")


class ProviderForm(TextRulesMixin, _ChangesMixin, forms.ModelForm):
    """A provider as a policy officer edits it."""

    editable = PROVIDER_EDITABLE
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    website = WebAddressFormField(label=_("website"), required=False)

    class Meta:
        model = Provider
        fields = [
            "name",
            "kvk_number",
            "certified",
            "certification_expires_on",
            "email",
            "phone",
            "website",
            "complaint_regulation",
            "privacy_statement",
            "subcontractors",
            "affiliated_organisations",
        ]
        widgets = {
            "certification_expires_on": DATE,
            "complaint_regulation": TEXT,
            "privacy_statement": TEXT,
            "subcontractors": forms.CheckboxSelectMultiple,
            "affiliated_organisations": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from werkpad.core.models import Organisation

        provider = self.instance
        self.fields["subcontractors"].queryset = Provider.objects.filter(
            municipality_id=provider.municipality_id
        ).exclude(pk=provider.pk)
        self.fields["affiliated_organisations"].queryset = Organisation.objects.filter(
            kind=Organisation.Kind.EMPLOYER, municipality_id=provider.municipality_id
        )
        self.fields["version"].initial = provider.version
        self.fields["kvk_number"].widget.attrs["inputmode"] = "numeric"
