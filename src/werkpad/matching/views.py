"""The pages of matching (MA1, EM6, EM9, TR4).

For the staff, under /matching/: a job seeker's search profile (the caseworker), a
vacancy's ranked candidates with the employer advisor's preselection, a job seeker's
ranked vacancies, the open vacancies to rank, the introductions of the municipality
and the market plan. For employers, under /kandidaten/: the candidate file and their
introduction requests. For the job seeker, under /mijn/kennismakingen/: the requests
and the answer."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from werkpad.core.decorators import role_required
from werkpad.core.errors import AccessError, DomainError, InvalidInputError
from werkpad.core.forms import save_form, show_refusal
from werkpad.core.models import LabourMarketRegion
from werkpad.core.permissions import Role
from werkpad.matching import selectors, services
from werkpad.matching.forms import (
    AnswerForm,
    CandidateFilterForm,
    ConfirmForm,
    IntroductionForm,
    PreselectionForm,
    SearchProfileForm,
    WithdrawForm,
)
from werkpad.matching.rules import RANKING_ROLES, shows_names
from werkpad.matching.workflow import Status

caseworker_only = role_required(Role.CASEWORKER)
ranking_staff = role_required(*RANKING_ROLES)
advisor_only = role_required(Role.EMPLOYER_ADVISOR)
employer_only = role_required(Role.EMPLOYER)
job_seeker_only = role_required(Role.JOB_SEEKER)


def _top(request) -> int:
    try:
        return selectors.parse_top(request.GET.get("top"))
    except InvalidInputError:
        return selectors.DEFAULT_TOP


# --- the search profile -----------------------------------------------------------------


@caseworker_only
def profile_edit(request, job_seeker_id: int):
    job_seeker, profile = selectors.search_profile_get(
        user=request.user, job_seeker_id=job_seeker_id
    )
    form = SearchProfileForm(
        request.POST or None,
        initial=SearchProfileForm.initial_of(profile),
        regions=LabourMarketRegion.objects.order_by("name"),
        limitations=request.user.has_perm("jobseekers.view_restricted", job_seeker),
    )
    outcome = save_form(
        request,
        form,
        lambda version: services.search_profile_save(
            user=request.user,
            job_seeker_id=job_seeker.pk,
            expected_version=version or None,
            **form.service_values(),
        ),
    )
    if outcome.ok:
        messages.success(request, _("The search profile is saved."))
        return redirect("jobseekers:detail", job_seeker.pk)
    return render(
        request,
        "matching/profile_edit.html",
        {"js": job_seeker, "profile": profile, "form": form},
        status=outcome.status,
    )


@require_POST
@caseworker_only
def profile_confirm(request, job_seeker_id: int):
    form = ConfirmForm(request.POST)
    form.is_valid()
    try:
        services.search_profile_confirm(
            user=request.user,
            job_seeker_id=job_seeker_id,
            expected_version=form.cleaned_data.get("version") or None,
        )
    except AccessError:
        raise
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The search profile is confirmed as current."))
    return redirect("jobseekers:detail", job_seeker_id)


# --- rankings ------------------------------------------------------------------------------


@ranking_staff
def vacancy_list(request):
    return render(
        request,
        "matching/vacancies.html",
        {"vacancies": selectors.vacancies_to_rank(user=request.user)},
    )


@ranking_staff
def vacancy_candidates(request, vacancy_id: int):
    top = _top(request)
    vacancy, candidates = selectors.vacancy_candidates(
        user=request.user, vacancy_id=vacancy_id, top=top
    )
    return render(
        request,
        "matching/candidates.html",
        {
            "vacancy": vacancy,
            "candidates": candidates,
            "top": top,
            "may_preselect": request.user.has_perm("matching.add_preselection", vacancy),
            "names": shows_names(request.user, vacancy.municipality_id),
        },
    )


@require_POST
@advisor_only
def preselect(request, vacancy_id: int):
    # A vacancy this user may not rank is not found, whatever the form holds.
    selectors.vacancy_for_ranking(user=request.user, vacancy_id=vacancy_id)
    form = PreselectionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a candidate."))
        return redirect("matching:vacancy-candidates", vacancy_id)
    try:
        if form.cleaned_data["remove"]:
            services.preselection_remove(
                user=request.user,
                vacancy_id=vacancy_id,
                job_seeker_id=form.cleaned_data["job_seeker"],
            )
            messages.success(request, _("The proposal is taken back."))
        else:
            services.preselection_add(
                user=request.user,
                vacancy_id=vacancy_id,
                job_seeker_id=form.cleaned_data["job_seeker"],
            )
            messages.success(request, _("The candidate is proposed for this vacancy."))
    except AccessError:
        raise
    except DomainError as error:
        messages.error(request, error.message)
    return redirect("matching:vacancy-candidates", vacancy_id)


@caseworker_only
def job_seeker_vacancies(request, job_seeker_id: int):
    top = _top(request)
    job_seeker, profile, vacancies = selectors.job_seeker_vacancy_matches(
        user=request.user, job_seeker_id=job_seeker_id, top=top
    )
    return render(
        request,
        "matching/job_seeker_vacancies.html",
        {"js": job_seeker, "profile": profile, "vacancies": vacancies, "top": top},
    )


@advisor_only
def market_plan(request):
    return render(
        request, "matching/market_plan.html", {"rows": selectors.market_plan(user=request.user)}
    )


@advisor_only
def introduction_overview(request):
    return render(
        request,
        "matching/introductions.html",
        {"introductions": selectors.introduction_list(user=request.user)},
    )


# --- the candidate file (employers) ----------------------------------------------------------


@employer_only
def candidate_list(request):
    form = CandidateFilterForm(request.GET or None)
    filters = request.GET if form.is_valid() else {}
    try:
        employer, cards = selectors.candidate_list(user=request.user, filters=filters)
    except InvalidInputError as error:
        show_refusal(form, error)
        employer, cards = selectors.candidate_list(user=request.user)
    return render(
        request,
        "matching/candidate_list.html",
        {
            "employer": employer,
            "cards": cards,
            "form": form,
            "introductions": selectors.introduction_list(user=request.user),
        },
    )


@employer_only
def candidate_detail(request, pseudonym: str):
    employer, card = selectors.candidate_get(user=request.user, pseudonym=pseudonym)
    vacancies = list(selectors.employer_vacancies(employer=employer))
    form = IntroductionForm(request.POST or None, vacancies=vacancies)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                introduction = services.introduction_request(
                    user=request.user,
                    pseudonym=pseudonym,
                    message=form.cleaned_data["message"],
                    vacancy_id=form.cleaned_data["vacancy"],
                )
            except AccessError:
                raise
            except DomainError as error:
                show_refusal(form, error)
                status = error.status
            else:
                messages.success(
                    request, _("Your request is sent. The job seeker decides whether to meet.")
                )
                return redirect("candidates:introduction", introduction.pk)
    return render(
        request,
        "matching/candidate_detail.html",
        {"employer": employer, "card": card, "form": form},
        status=status,
    )


def _employer_introduction(request, id: int, *, form=None, status: int = 200):
    introduction = selectors.introduction_get(user=request.user, id=id)
    if not request.user.has_perm("matching.withdraw_introduction", introduction):
        raise Http404
    return render(
        request,
        "matching/introduction_detail.html",
        {
            "introduction": introduction,
            "card": selectors.disclosure(introduction),
            "form": form or WithdrawForm(initial={"version": introduction.version}),
            "history": introduction.history.order_by("changed_at", "id"),
        },
        status=status,
    )


@employer_only
def introduction_detail(request, id: int):
    return _employer_introduction(request, id)


@require_POST
@employer_only
def introduction_withdraw(request, id: int):
    form = WithdrawForm(request.POST)
    form.is_valid()
    try:
        services.introduction_withdraw(
            user=request.user,
            introduction_id=id,
            expected_version=form.cleaned_data.get("version") or None,
        )
    except AccessError:
        raise
    except DomainError as error:
        form.add_error(None, error.message)
        return _employer_introduction(request, id, form=form, status=error.status)
    messages.success(request, _("Your request is withdrawn."))
    return redirect("candidates:introduction", id)


# --- the job seeker's own -----------------------------------------------------------------


def _mine(request, *, forms=None, status: int = 200):
    introductions = list(selectors.introduction_list(user=request.user))
    rows = [
        {
            "introduction": introduction,
            "preview": selectors.disclosure(introduction, preview=True),
            "form": (forms or {}).get(introduction.pk)
            or AnswerForm(initial={"version": introduction.version}),
        }
        for introduction in introductions
    ]
    return render(
        request,
        "matching/mine.html",
        {"rows": rows, "requested": Status.REQUESTED},
        status=status,
    )


@job_seeker_only
def my_list(request):
    return _mine(request)


@require_POST
@job_seeker_only
def my_answer(request, id: int):
    introduction = selectors.introduction_get(user=request.user, id=id, for_action="answer")
    form = AnswerForm(request.POST)
    if form.is_valid():
        try:
            services.introduction_answer(
                user=request.user,
                introduction_id=introduction.pk,
                agreed=form.cleaned_data["agreed"],
                share_email=form.cleaned_data["share_email"],
                share_phone=form.cleaned_data["share_phone"],
                expected_version=form.cleaned_data.get("version") or None,
            )
        except AccessError:
            raise
        except DomainError as error:
            show_refusal(form, error)
            return _mine(request, forms={introduction.pk: form}, status=error.status)
        messages.success(
            request,
            _("You said yes: the employer now sees what is shown here.")
            if form.cleaned_data["agreed"]
            else _("You said no. The employer hears it, without a reason."),
        )
        return redirect("myintroductions:list")
    return _mine(request, forms={introduction.pk: form}, status=400)
