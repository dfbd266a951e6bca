"""The forms of the message pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from werkpad.conversations.services import BODY_MAX_LENGTH


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Your message"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=BODY_MAX_LENGTH,
        help_text=_("A message cannot be changed once sent: write a new one to correct it."),
    )


class StartForm(MessageForm):
    """A new message: to the contact person or to the coach of a running trajectory."""

    to = forms.ChoiceField(label=_("To"), widget=forms.RadioSelect)

    field_order = ["to", "body"]

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
