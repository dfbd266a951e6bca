"""The caseworker's form on the file page: record a consent or a withdrawal the job
seeker gave on paper, at the desk or by phone, or ask for one."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from werkpad.consents import parts as file_parts
from werkpad.consents.models import Consent
from werkpad.consents.workflow import RECORDED_CHANNELS, Channel
from werkpad.core.models import Organisation
from werkpad.core.text import TextRulesMixin


class RecordForm(TextRulesMixin, forms.Form):
    ACTIONS = [
        ("give", _("The job seeker gives consent")),
        ("withdraw", _("The job seeker withdraws consent")),
        ("refuse", _("The job seeker says no to a question")),
        ("request", _("Ask the job seeker (they answer on their own pages)")),
    ]

    action = forms.ChoiceField(label=_("What happened"), choices=ACTIONS)
    recipient = forms.ChoiceField(label=_("Shared with"))
    part = forms.ChoiceField(label=_("Part of the file"), choices=file_parts.CHOICES)
    channel = forms.ChoiceField(
        label=_("How the job seeker told you"),
        required=False,
        choices=[("", _("Choose")), *[(c.value, c.label) for c in RECORDED_CHANNELS]],
        help_text=_("Required, unless you ask the job seeker."),
    )
    reason = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For a question: why you ask. The job seeker reads it."),
    )

    def __init__(self, *args, organisations: list[Organisation], **kwargs):
        super().__init__(*args, **kwargs)
        recipient = self.fields["recipient"]
        assert isinstance(recipient, forms.ChoiceField)
        recipient.choices = [
            *[
                (
                    f"{'provider' if o.kind == Organisation.Kind.PROVIDER else 'advisor'}:{o.pk}",
                    o.name,
                )
                for o in organisations
            ],
            (Consent.Recipient.EMPLOYERS.value, _("Employers (candidate file)")),
        ]

    def clean(self):
        data = super().clean()
        if (
            data.get("action") in ("give", "withdraw", "refuse")
            and data.get("channel") not in RECORDED_CHANNELS
        ):
            self.add_error(
                "channel", _("Say how the job seeker gave it: on paper, at the desk or by phone.")
            )
        recipient, _sep, organisation = str(data.get("recipient") or "").partition(":")
        data["recipient_code"] = recipient
        data["organisation_id"] = int(organisation) if organisation.isdigit() else None
        return data


__all__ = ["Channel", "RecordForm"]
