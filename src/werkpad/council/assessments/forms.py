"""The forms of the assessment pages (CO3)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from werkpad.council.checklist import Point
from werkpad.council.models.assessments import AnswerValue

TEXT_MAX_LENGTH = 10000


class AssessmentForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        help_text=_("For example “Beoordeling 2026”."),
    )


class PointForm(forms.Form):
    """The answers to the questions of one point: per question yes, no or not yet, and
    the remarks (or action points) in the checklist's own words."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args: Any, point: Point, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.point = point
        for question in point.questions:
            self.fields[f"answer_{question.id}"] = forms.ChoiceField(
                label=question.text,
                choices=AnswerValue.choices,
                widget=forms.RadioSelect,
                initial=AnswerValue.NONE_YET,
                required=False,
            )
            self.fields[f"text_{question.id}"] = forms.CharField(
                label=question.text_label,
                required=False,
                max_length=TEXT_MAX_LENGTH,
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    def pairs(self) -> list[tuple[str, forms.BoundField, forms.BoundField]]:
        """Per question its id, answer field and text field."""
        return [(q.id, self[f"answer_{q.id}"], self[f"text_{q.id}"]) for q in self.point.questions]
