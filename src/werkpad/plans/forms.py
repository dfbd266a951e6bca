from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from werkpad.core.models import MunicipalitySettings
from werkpad.core.text import TextRulesMixin
from werkpad.instruments.models import Instrument
from werkpad.plans.models import INTEGRATION_NEEDS_APPROACH, Kind, PlanVersion
from werkpad.plans.services import MAX_TEXT

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXT = forms.Textarea(attrs={"rows": 4})


class PlanForm(TextRulesMixin, forms.ModelForm):
    """The content of a draft version. ``version`` carries the plan's optimistic lock."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = PlanVersion
        fields = [
            "kind",
            "target_rung",
            "approach",
            "goals",
            "activities",
            "rights_and_obligations",
            "instruments",
            "personal_budget",
            "review_due_on",
            "reason",
        ]
        widgets = {
            "goals": TEXT,
            "activities": TEXT,
            "rights_and_obligations": TEXT,
            "instruments": forms.CheckboxSelectMultiple,
            "review_due_on": DATE,
        }

    def __init__(self, *args, municipality, plan_version: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        instruments = self.fields["instruments"]
        assert isinstance(instruments, forms.ModelMultipleChoiceField)  # the many-to-many field
        instruments.queryset = Instrument.objects.filter(
            municipality=municipality, active=True
        ).order_by("type", "name")
        self.fields["personal_budget"].widget.attrs["inputmode"] = "decimal"
        months = MunicipalitySettings.of(municipality).plan_review_months
        self.fields["review_due_on"].help_text = ngettext(
            "Leave empty for %(months)s month after the plan takes effect.",
            "Leave empty for %(months)s months after the plan takes effect.",
            months,
        ) % {"months": months}
        if plan_version is not None:
            self.fields["version"].initial = plan_version
        if not self.instance.pk:
            del self.fields["reason"]

    def clean(self):
        data = super().clean()
        # The model's rule, checked here too so that every error shows at once.
        if data.get("kind") == Kind.INTEGRATION and not data.get("approach"):
            self.add_error("approach", INTEGRATION_NEEDS_APPROACH)
        return data

    def _post_clean(self):
        # Model validation runs in the service, in one transaction with the write.
        pass

    def changes(self) -> dict:
        names = [n for n in self.fields if n != "version"]
        if self.instance.pk:
            names = [n for n in names if n in self.changed_data]
        data = {name: self.cleaned_data[name] for name in names}
        if "instruments" in data:
            data["instruments"] = list(data["instruments"])
        for name in ("approach", "reason"):
            if data.get(name) is None and name in data:
                data[name] = ""
        return data


class CommentForm(TextRulesMixin, forms.Form):
    text = forms.CharField(
        label=_("Your comment"), max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 3})
    )


class AgreementForm(forms.Form):
    """The job seeker's answer carries the plan's version the page showed."""

    version = forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=1,
        error_messages={
            "required": _("Open your plan again and give your answer there."),
            "invalid": _("Open your plan again and give your answer there."),
            "min_value": _("Open your plan again and give your answer there."),
        },
    )


class DisagreementForm(TextRulesMixin, AgreementForm):
    reason = forms.CharField(
        label=_("Why do you not agree?"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Your contact person reads this. The plan still starts, with your reason."),
    )


class RevisionForm(TextRulesMixin, forms.Form):
    reason = forms.CharField(label=_("Why a new version?"), max_length=300)


class ReviewForm(TextRulesMixin, forms.Form):
    rung_reconsidered = forms.BooleanField(
        label=_("We looked at whether another rung fits now"), required=False
    )
    instruments_reconsidered = forms.BooleanField(
        label=_("We looked at whether other instruments are needed"), required=False
    )
    notes = forms.CharField(label=_("Notes"), required=False, max_length=MAX_TEXT, widget=TEXT)
    changes_needed = forms.BooleanField(
        label=_("The plan changes: start a new version"), required=False
    )
