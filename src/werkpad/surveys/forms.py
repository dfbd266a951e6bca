"""The forms of the survey pages: a survey's details, a question, a reason, and the
answer form built from a survey's questions."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from werkpad.surveys.models import Question, QuestionKind
from werkpad.surveys.workflow import Audience


class SurveyForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    audience = forms.ChoiceField(
        label=_("For whom"), choices=Audience.choices, widget=forms.RadioSelect
    )
    introduction = forms.CharField(
        label=_("Introduction"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What the survey is for and how long it takes; shown above the questions."),
    )
    closes_on = forms.DateField(
        label=_("Closes on"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("The last day on which the survey can be answered."),
    )


class QuestionForm(forms.Form):
    text = forms.CharField(label=_("Question"), max_length=300)
    kind = forms.ChoiceField(
        label=_("Answered with"), choices=QuestionKind.choices, widget=forms.RadioSelect
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Why"), widget=forms.Textarea(attrs={"rows": 3}))


SCALE_CHOICES = [
    ("1", _("1 · very dissatisfied")),
    ("2", _("2 · dissatisfied")),
    ("3", _("3 · neutral")),
    ("4", _("4 · satisfied")),
    ("5", _("5 · very satisfied")),
]
YES_NO_CHOICES = [("yes", _("Yes")), ("no", _("No"))]


class AnswerForm(forms.Form):
    """One field per question (``q<id>``): a scale and yes/no are required, an open
    answer may stay empty."""

    def __init__(self, *args, questions: list[Question], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for number, question in enumerate(questions, start=1):
            label = f"{number}. {question.text}"
            name = f"q{question.pk}"
            if question.kind == QuestionKind.OPEN:
                self.fields[name] = forms.CharField(
                    label=label,
                    required=False,
                    max_length=2000,
                    widget=forms.Textarea(attrs={"rows": 3}),
                )
            else:
                self.fields[name] = forms.ChoiceField(
                    label=label,
                    choices=SCALE_CHOICES
                    if question.kind == QuestionKind.SCALE
                    else YES_NO_CHOICES,
                    widget=forms.RadioSelect,
                    error_messages={
                        "required": _("Choose an answer to this question."),
                        "invalid_choice": _("Choose one of the answers."),
                    },
                )
