from __future__ import annotations

from django import forms

from werkpad.notifications.models import Kind


class EmailPreferencesForm(forms.Form):
    """One box per kind of notification: e-mail me about it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for kind in Kind:
            self.fields[kind.value] = forms.BooleanField(label=kind.label, required=False)
