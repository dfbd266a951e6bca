"""The survey pages (RI6): the parties' list, the survey with its questions and steps,
its results; the answer page behind an invitation's link, and the respondents' own lists
of surveys waiting for them (/mijn/enquetes/ for a job seeker, /enquetes/uitnodigingen/
for an employer)."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from werkpad.core.decorators import role_required
from werkpad.core.errors import AccessError, DomainError
from werkpad.core.forms import refusal_status
from werkpad.core.permissions import Role
from werkpad.surveys import selectors, services
from werkpad.surveys.forms import AnswerForm, QuestionForm, ReasonForm, SurveyForm
from werkpad.surveys.rules import RESPONDENT_ROLES, STAFF_ROLES
from werkpad.surveys.workflow import Status

parties_only = role_required(*STAFF_ROLES)
respondents_only = role_required(*RESPONDENT_ROLES, others=Http404)
job_seekers_only = role_required(Role.JOB_SEEKER)
employers_only = role_required(Role.EMPLOYER)


@parties_only
def survey_list(request):
    status = request.GET.get("status", "")
    return render(
        request,
        "surveys/list.html",
        {
            "surveys": selectors.survey_list(user=request.user, status=status),
            "statuses": Status.choices,
            "status": status,
            "can_create": request.user.has_perm("surveys.add_survey"),
            "min_cell": settings.WERKPAD_MIN_CELL,
        },
    )


@parties_only
def survey_create(request):
    form = SurveyForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                survey = services.survey_create(user=request.user, **form.cleaned_data)
            except DomainError as error:
                status = refusal_status(form, error)
            else:
                messages.success(request, _("The survey is drafted: add its questions."))
                return redirect("surveys:detail", id=survey.pk)
    return render(request, "surveys/form.html", {"form": form, "survey": None}, status=status)


@parties_only
def survey_edit(request, id: int):
    survey = selectors.survey_get(user=request.user, id=id, for_action="change")
    initial = {
        "title": survey.title,
        "audience": survey.audience,
        "introduction": survey.introduction,
        "closes_on": survey.closes_on,
    }
    form = SurveyForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.survey_update(user=request.user, survey_id=survey.pk, **form.cleaned_data)
            except DomainError as error:
                status = refusal_status(form, error)
            else:
                messages.success(request, _("The survey is saved."))
                return redirect("surveys:detail", id=survey.pk)
    return render(request, "surveys/form.html", {"form": form, "survey": survey}, status=status)


def _detail(request, survey, *, question_form=None, reason_form=None, status=200):
    user = request.user
    return render(
        request,
        "surveys/detail.html",
        {
            "survey": survey,
            "questions": list(survey.questions.all()),
            "history": selectors.survey_history(survey=survey),
            "question_form": question_form or QuestionForm(),
            "reason_form": reason_form or ReasonForm(),
            "may_change": user.has_perm("surveys.change_survey", survey),
            "may_approve": user.has_perm("surveys.approve_survey", survey),
            "may_open": user.has_perm("surveys.open_survey", survey),
            "Status": Status,
            "min_cell": settings.WERKPAD_MIN_CELL,
        },
        status=status,
    )


@parties_only
def survey_detail(request, id: int):
    return _detail(request, selectors.survey_get(user=request.user, id=id))


@require_POST
@parties_only
def question_add(request, id: int):
    survey = selectors.survey_get(user=request.user, id=id, for_action="change")
    form = QuestionForm(request.POST)
    if form.is_valid():
        try:
            services.question_add(user=request.user, survey_id=survey.pk, **form.cleaned_data)
        except DomainError as error:
            return _detail(request, survey, question_form=form, status=refusal_status(form, error))
        messages.success(request, _("The question is added."))
        return redirect("surveys:detail", id=survey.pk)
    return _detail(request, survey, question_form=form, status=400)


@require_POST
@parties_only
def question_remove(request, id: int, question_id: int):
    survey = selectors.survey_get(user=request.user, id=id, for_action="change")
    try:
        services.question_remove(user=request.user, survey_id=survey.pk, question_id=question_id)
    except AccessError:
        raise
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The question is removed."))
    return redirect("surveys:detail", id=survey.pk)


def _step_view(*, for_action: str, service, done, with_reason: bool = False):
    """The view of one step on the survey page: a POST by the party the step is for,
    with the reason where the step needs one; back to the survey, or its page with the
    refusal."""

    @require_POST
    @parties_only
    def step(request, id: int):
        survey = selectors.survey_get(user=request.user, id=id, for_action=for_action)
        kwargs = {}
        if with_reason:
            form = ReasonForm(request.POST)
            if not form.is_valid():
                return _detail(request, survey, reason_form=form, status=400)
            kwargs["reason"] = form.cleaned_data["reason"]
        try:
            service(user=request.user, survey_id=survey.pk, **kwargs)
        except AccessError:
            raise
        except DomainError as error:
            messages.error(request, error.message)
            return _detail(request, survey, status=error.status)
        messages.success(request, str(done))
        return redirect("surveys:detail", id=survey.pk)

    return step


survey_propose = _step_view(
    for_action="change",
    service=services.survey_propose,
    done=gettext_lazy("The survey is proposed to the other party."),
)
survey_approve = _step_view(
    for_action="approve",
    service=services.survey_approve,
    done=gettext_lazy("The survey is approved."),
)
survey_return = _step_view(
    for_action="approve",
    service=services.survey_return,
    done=gettext_lazy("The survey is sent back with your remarks."),
    with_reason=True,
)
survey_withdraw = _step_view(
    for_action="change",
    service=services.survey_withdraw,
    done=gettext_lazy("The survey is withdrawn."),
    with_reason=True,
)
survey_open = _step_view(
    for_action="open",
    service=services.survey_open,
    done=gettext_lazy("The survey is open: the invitations are sent."),
)
survey_close = _step_view(
    for_action="open",
    service=services.survey_close,
    done=gettext_lazy("The survey is closed."),
)


@parties_only
def survey_results(request, id: int):
    return render(
        request,
        "surveys/results.html",
        {"results": selectors.survey_results(user=request.user, id=id)},
    )


# --- the respondents -------------------------------------------------------------------


@respondents_only
def answer(request, token: str):
    invitation = selectors.invitation_get(user=request.user, token=token)
    survey = invitation.survey
    refusal = services.answerable(invitation)
    questions = list(survey.questions.all())
    form = AnswerForm(request.POST or None, questions=questions)
    status = 200
    if refusal:
        status = 200 if request.method == "GET" else 409
    elif request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.invitation_answer(
                    user=request.user, token=token, answers=form.cleaned_data
                )
            except DomainError as error:
                status = refusal_status(form, error)
                if status == 409:
                    refusal = error.message
            else:
                messages.success(request, _("Thank you for your answers!"))
                return redirect("surveys:answer", token=token)
    return render(
        request,
        "surveys/answer.html",
        {"survey": survey, "form": form, "refusal": refusal, "invitation": invitation},
        status=status,
    )


def _own(request, template: str):
    return render(request, template, {"invitations": selectors.own_invitations(user=request.user)})


@job_seekers_only
def own_job_seeker(request):
    return _own(request, "surveys/own.html")


@employers_only
def own_employer(request):
    return _own(request, "surveys/own.html")
