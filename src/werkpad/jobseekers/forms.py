from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from werkpad.accounts.models import Membership
from werkpad.core.models import Municipality
from werkpad.core.permissions import Role
from werkpad.core.text import TextRulesMixin
from werkpad.jobseekers.bsn import validate_bsn
from werkpad.jobseekers.models import JobSeeker, LeaveReason
from werkpad.jobseekers.services import EDITABLE_FIELDS

User = get_user_model()

FIELD_ORDER = [
    "bsn",
    "first_name",
    "last_name",
    "birth_date",
    "gender",
    "email",
    "phone",
    "postcode",
    "city",
    "education_level",
    "work_experience",
    "work_experience_years",
    "benefit_type",
    "unemployed_since",
    "ladder_rung",
    "labour_disability",
    "sheltered_work",
    "contact_person",
    "uwv_registered",
    "uwv_registration_help",
    "wishes",
    "knowledge",
    "skills",
    "possibilities",
    "competence_test_results",
    "prefers_no_group_activities",
    "coach_preference",
    "attention_older",
    "attention_higher_educated",
    "limitations",
    "attention_psychological",
]
assert set(FIELD_ORDER) == EDITABLE_FIELDS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXT = forms.Textarea(attrs={"rows": 3})


class JobSeekerForm(TextRulesMixin, forms.ModelForm):
    """The file as a caseworker edits it. ``version`` carries the optimistic lock."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    rung_reason = forms.CharField(
        label=_("Why did the rung change?"),
        required=False,
        max_length=300,
        help_text=_("Only when you change the rung; kept in the rung history."),
    )

    class Meta:
        model = JobSeeker
        fields = FIELD_ORDER
        widgets = {
            "birth_date": DATE,
            "unemployed_since": DATE,
            "work_experience": TEXT,
            "wishes": TEXT,
            "knowledge": TEXT,
            "skills": TEXT,
            "possibilities": TEXT,
            "limitations": TEXT,
            "competence_test_results": TEXT,
        }

    def __init__(
        self, *args: Any, municipality: Municipality, show_restricted: bool, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        caseworkers = Membership.objects.filter(
            role=Role.CASEWORKER, is_active=True, organisation__municipality=municipality
        ).values("user_id")
        contact_person = self.fields["contact_person"]
        assert isinstance(contact_person, forms.ModelChoiceField)  # the model's foreign key
        contact_person.queryset = User.objects.filter(pk__in=caseworkers).order_by(
            "last_name", "first_name"
        )
        # This field's labels only; the stubs see a method where Django allows an attribute.
        contact_person.label_from_instance = lambda u: u.get_full_name() or u.username  # type: ignore[method-assign,assignment]
        if not show_restricted:
            for name in JobSeeker.RESTRICTED_FIELDS:
                del self.fields[name]
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        else:
            del self.fields["rung_reason"]
        for name in ("bsn", "postcode", "phone"):
            self.fields[name].widget.attrs["inputmode"] = "numeric" if name == "bsn" else "text"
        self.fields["bsn"].widget.attrs["autocomplete"] = "off"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["phone"].widget.attrs["autocomplete"] = "tel"

    def _post_clean(self):
        # Model validation runs in the service, in one transaction with the write.
        pass

    def changes(self) -> dict:
        names = [n for n in self.fields if n in EDITABLE_FIELDS]
        if self.instance.pk:
            names = [n for n in names if n in self.changed_data]
        return {name: self.cleaned_data[name] for name in names}


class BsnLookupForm(TextRulesMixin, forms.Form):
    bsn = forms.CharField(
        label=_("Whole BSN"),
        min_length=9,
        max_length=9,
        validators=[validate_bsn],
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )


class OutflowForm(forms.Form):
    """Outflow: the day the job seeker left the file and why."""

    left_on = forms.DateField(
        label=_("Left the file on"),
        widget=DATE,
        error_messages={"required": _("Give the day the job seeker left the file.")},
    )
    reason = forms.ChoiceField(
        label=_("Reason"),
        choices=[("", _("Choose a reason")), *LeaveReason.choices],
        error_messages={"required": _("Choose why the job seeker left the file.")},
    )
