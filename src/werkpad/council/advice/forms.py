"""The forms of advice requests (CO1): the request, the council's advice with its
recommendations as a formset (blank rows to fill, no script needed), the response per
recommendation, a longer term, and withdrawing."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from werkpad.council.models import AdviceRequest, Recommendation
from werkpad.documents import filetypes

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
_ACCEPT = ",".join(
    ext for kind in (filetypes.PDF, filetypes.DOCX, filetypes.ODT) for ext in kind.extensions
)


def _kind() -> forms.ChoiceField:
    return forms.ChoiceField(label=_("Kind of document"), choices=AdviceRequest.Kind.choices)


class AdviceRequestForm(forms.Form):
    kind = _kind()
    title = forms.CharField(label=_("Subject"), max_length=200)
    question = forms.CharField(
        label=_("Question to the council"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=8000,
    )
    decision_on = forms.DateField(
        label=_("Intended decision date"),
        widget=_DATE,
        help_text=_("The council's term must end before this date to be consulted in time."),
    )
    file = forms.FileField(
        label=_("Document (PDF, DOCX or ODT)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": _ACCEPT}),
    )


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("Document (PDF, DOCX or ODT)"),
        widget=forms.ClearableFileInput(attrs={"accept": _ACCEPT}),
    )


class AdviceForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    introduction = forms.CharField(
        label=_("Introduction"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=20000,
        required=False,
    )


class UnaskedAdviceForm(forms.Form):
    kind = _kind()
    title = forms.CharField(label=_("Subject"), max_length=200)
    introduction = forms.CharField(
        label=_("Introduction"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=20000,
        required=False,
    )


class RecommendationForm(forms.Form):
    text = forms.CharField(
        label=_("Recommendation"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=4000,
        required=False,
    )
    explanation = forms.CharField(
        label=_("Explanation"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=8000,
        required=False,
    )


RecommendationFormSet = forms.formset_factory(RecommendationForm, extra=3, max_num=30)


class ResponseForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    letter = forms.CharField(
        label=_("Response letter"), widget=forms.Textarea(attrs={"rows": 6}), max_length=20000
    )

    def __init__(self, *args: Any, recommendations=(), **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.numbers = []
        for rec in recommendations:
            self.numbers.append(rec.number)
            self.fields[f"response_{rec.number}"] = forms.ChoiceField(
                label=_("Response to recommendation %(n)s") % {"n": rec.number},
                choices=[("", "—"), *Recommendation.Response.choices],
                required=False,
            )
            self.fields[f"reasons_{rec.number}"] = forms.CharField(
                label=_("Reasons"),
                widget=forms.Textarea(attrs={"rows": 2}),
                max_length=8000,
                required=False,
                help_text=_("Required when not adopted in full."),
            )


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Why the request is withdrawn"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )


class ExtensionForm(forms.Form):
    until = forms.DateField(label=_("Longer term until"), widget=_DATE)
    reason = forms.CharField(
        label=_("Why a longer term"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )


class ExtensionDecisionForm(forms.Form):
    granted = forms.TypedChoiceField(
        label=_("Decision"),
        choices=[("yes", _("Grant the longer term")), ("no", _("Refuse the longer term"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
