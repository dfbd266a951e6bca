"""The forms of agreed actions (WT1)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from werkpad.actions.models import Owner


class ActionForm(forms.Form):
    template = forms.TypedChoiceField(
        label=_("Start from a template"),
        coerce=int,
        required=False,
        empty_value=None,
        help_text=_("Fills in what, who and the due date; you can still change them."),
    )
    description = forms.CharField(
        label=_("What is to be done"),
        max_length=300,
        required=False,
        help_text=_("In plain words, so that the job seeker understands it."),
    )
    owner = forms.ChoiceField(label=_("Who does it"), choices=Owner.choices, required=False)
    due_on = forms.DateField(
        label=_("Due on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args: Any, templates=(), on_trajectory: bool = False, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.templates = {t.pk: t for t in templates}
        template = self.fields["template"]
        assert isinstance(template, forms.ChoiceField)
        template.choices = [("", _("No template"))] + [
            (t.pk, f"{t.description} ({t.term_days} d)") for t in templates
        ]
        if not templates:
            del self.fields["template"]
        if not on_trajectory:
            owner = self.fields["owner"]
            assert isinstance(owner, forms.ChoiceField)
            owner.choices = [c for c in Owner.choices if c[0] != Owner.COACH]


class CompleteForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ApproveForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    approved = forms.TypedChoiceField(
        label=_("Is it done?"),
        choices=[("yes", _("Yes, approve")), ("no", _("No, not done yet"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        initial="yes",
    )
    reason = forms.CharField(
        label=_("Why not yet?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Only when it is not done yet."),
    )


class CancelForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    reason = forms.CharField(
        label=_("Why cancel it?"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class ApprovalSettingForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    needs_approval = forms.BooleanField(
        label=_("Done waits for the other party's approval"),
        required=False,
        help_text=_("Applies to actions made from now on."),
    )


class TemplateForm(forms.Form):
    description = forms.CharField(label=_("What is to be done"), max_length=300)
    owner = forms.ChoiceField(label=_("Who usually does it"), choices=Owner.choices)
    term_days = forms.IntegerField(
        label=_("Default term (days)"), min_value=1, max_value=365, initial=14
    )
    active = forms.BooleanField(label=_("In use"), required=False, initial=True)
