"""The second opinion's forms: the referral and the request, the advice, the other
expert, the meeting, the decision (with the advice beside it) and the withdrawal."""

from __future__ import annotations

from typing import Any, TypedDict

from django import forms
from django.utils.translation import gettext_lazy as _

from werkpad.consents import parts as file_parts
from werkpad.secondopinions.models import Decision, OtherExpertMode

TEXTAREA = {"rows": 6}


class SubjectIds(TypedDict):
    """What a second opinion is about: a programme offered or a trajectory."""

    programme_id: int | None
    trajectory_id: int | None


class SubjectForm(forms.Form):
    """What the second opinion is about: a trajectory of the job seeker, or a programme
    offered (``trajectory:<id>`` or ``programme:<id>``)."""

    subject = forms.ChoiceField(label=_("About"))
    question = forms.CharField(
        label=_("What is the doubt or disagreement?"),
        widget=forms.Textarea(attrs=TEXTAREA),
        max_length=4000,
    )

    def __init__(self, *args: Any, trajectories=(), programmes=(), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices: list[tuple[Any, Any]] = [("", _("Choose"))]
        if trajectories:
            choices.append(
                (
                    _("A trajectory"),
                    [
                        (f"trajectory:{t.pk}", f"{t.programme.name} ({t.status_label})")
                        for t in trajectories
                    ],
                )
            )
        if programmes:
            choices.append(
                (
                    _("A programme offered"),
                    [(f"programme:{p.pk}", p.name) for p in programmes],
                )
            )
        subject = self.fields["subject"]
        assert isinstance(subject, forms.ChoiceField)
        subject.choices = choices

    def subject_ids(self) -> SubjectIds:
        kind, _sep, pk = self.cleaned_data["subject"].partition(":")
        return {
            "programme_id": int(pk) if kind == "programme" else None,
            "trajectory_id": int(pk) if kind == "trajectory" else None,
        }


class OwnRequestForm(SubjectForm):
    """The job seeker's own request, in plain words."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["subject"].label = _("What is your question about?")
        self.fields["question"].label = _("What do you doubt, or what do you not agree with?")
        self.fields["question"].help_text = _(
            "Write it in your own words. The advisor reads it before talking with you."
        )
        self.fields["shared_parts"] = forms.MultipleChoiceField(
            label=_("What may the advisor read in your file?"),
            help_text=_(
                "The advisor always sees your name, how to reach you and your step on the "
                "ladder. Tick what else may help them. You can change this at any time on "
                "the page about your consent."
            ),
            choices=file_parts.CHOICES,
            widget=forms.CheckboxSelectMultiple,
            required=False,
        )


class AdviceForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    advice = forms.CharField(
        label=_("Advice"),
        help_text=_(
            "Your advice on the question, with its reasons and what you recommend. The job "
            "seeker and the caseworker read it."
        ),
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=10000,
    )


class AssignForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    advisor = forms.TypedChoiceField(label=_("Advisor"), coerce=int)

    def __init__(self, *args: Any, advisors=(), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        advisor = self.fields["advisor"]
        assert isinstance(advisor, forms.ChoiceField)
        advisor.choices = [(u.pk, u.get_full_name() or u.get_username()) for u in advisors]


class OtherExpertForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    name = forms.CharField(label=_("Name of the expert"), max_length=200)
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        required=False,
        help_text=_("For example the union."),
    )
    role = forms.CharField(
        label=_("What the expert does"),
        max_length=200,
        help_text=_("For example union official."),
    )
    mode = forms.ChoiceField(
        label=_("Consulted"), choices=OtherExpertMode.choices, widget=forms.RadioSelect
    )
    advice = forms.CharField(
        label=_("The expert's advice"),
        required=False,
        widget=forms.Textarea(attrs=TEXTAREA),
        max_length=10000,
        help_text=_("Required when the expert was consulted instead of the advisor."),
    )


class MeetingForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    held_on = forms.DateField(
        label=_("Date of the meeting"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    present = forms.CharField(label=_("Who took part"), max_length=300)
    notes = forms.CharField(
        label=_("What was discussed"), widget=forms.Textarea(attrs=TEXTAREA), max_length=10000
    )


class DecisionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    decision = forms.ChoiceField(
        label=_("Decision"), choices=Decision.choices, widget=forms.RadioSelect
    )
    motivation = forms.CharField(
        label=_("Motivation"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=10000,
        help_text=_(
            "Required when you partly follow or do not follow the advice: a real paragraph "
            "with your reasons for this case, answering what the advice recommends."
        ),
    )


class WithdrawForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    reason = forms.CharField(
        label=_("Why withdraw it?"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )
