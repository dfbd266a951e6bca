"""The forms of the message pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from werkpad.conversations.services import BODY_MAX_LENGTH, Attachment
from werkpad.documents.forms import ACCEPT
from werkpad.documents.models import Type


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Your message"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=BODY_MAX_LENGTH,
        help_text=_("A message cannot be changed once sent: write a new one to correct it."),
    )
    attachment = forms.FileField(
        label=_("Attachment (optional)"),
        required=False,
        help_text=_("A PDF, Word file, photo (JPG or PNG) or text file. At most 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )
    attachment_type = forms.ChoiceField(
        label=_("What is the attachment?"),
        choices=Type.choices,
        initial=Type.OTHER,
        required=False,
    )
    attachment_health = forms.BooleanField(
        label=_("The attachment is about health"),
        required=False,
        help_text=_(
            "Then only the contact person sees it, and a coach only with consent to share "
            "health information."
        ),
    )

    def attached(self) -> Attachment | None:
        """The document to send with the message, if a file was chosen."""
        upload = self.cleaned_data.get("attachment")
        if not upload:
            return None
        return Attachment(
            upload=upload,
            type=self.cleaned_data["attachment_type"] or Type.OTHER,
            health=self.cleaned_data["attachment_health"],
        )


class StartForm(MessageForm):
    """A new message: to the contact person or to the coach of a running trajectory."""

    to = forms.ChoiceField(label=_("To"), widget=forms.RadioSelect)

    field_order = ["to", "body", "attachment", "attachment_type", "attachment_health"]

    def __init__(self, *args: Any, choices=(), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        to = self.fields["to"]
        assert isinstance(to, forms.ChoiceField)
        to.choices = list(choices)
        if len(to.choices) == 1:
            to.initial = to.choices[0][0]

    def trajectory_id(self) -> int | None:
        value = self.cleaned_data["to"]
        return None if value == "contact" else int(value)
