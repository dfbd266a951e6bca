"""The second opinion pages (RI3): the caseworker's and the advisor's list and detail
with their actions, the decision beside the advice, the figures; the job seeker's own
request, list and detail under /mijn/adviezen/."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from werkpad.accounts.models import User
from werkpad.core.decorators import role_required
from werkpad.core.errors import AccessError, DomainError, InvalidInputError
from werkpad.core.forms import show_refusal
from werkpad.core.models import AuditEvent, MunicipalitySettings
from werkpad.core.pagination import IdFirstPaginator
from werkpad.core.permissions import Role, scope_of
from werkpad.jobseekers import selectors as jobseeker_selectors
from werkpad.providers.models import Programme
from werkpad.secondopinions import rules, selectors, services
from werkpad.secondopinions.forms import (
    AdviceForm,
    AssignForm,
    DecisionForm,
    MeetingForm,
    OtherExpertForm,
    OwnRequestForm,
    SubjectForm,
    WithdrawForm,
)
from werkpad.secondopinions.models import NEEDS_MOTIVATION, SecondOpinion
from werkpad.secondopinions.workflow import ALLOWED_TRANSITIONS, CLOSED, Status
from werkpad.trajectories.models import Trajectory

PAGE_SIZE = 25
PURPOSE = AuditEvent.Purpose.SECOND_OPINION


#: The caseworker's and the advisor's pages.
staff_only = role_required(Role.CASEWORKER, Role.ADVISOR)
job_seeker_only = role_required(Role.JOB_SEEKER)
#: A job seeker's own page of one second opinion: anyone else finds no such page (404).
own_only = role_required(Role.JOB_SEEKER, others=Http404)


def _subject_choices(job_seeker):
    trajectories = Trajectory.objects.filter(job_seeker=job_seeker).select_related("programme")
    programmes = Programme.objects.filter(
        municipality_id=job_seeker.municipality_id, active=True
    ).order_by("name")
    return {"trajectories": list(trajectories), "programmes": list(programmes)}


@staff_only
def second_opinion_list(request):
    try:
        queryset = selectors.second_opinion_list(
            user=request.user, filters=request.GET, purpose=PURPOSE
        )
    except InvalidInputError as error:
        messages.error(request, _("A filter was not valid and was left out: %s") % error.message)
        queryset = selectors.second_opinion_list(user=request.user, purpose=PURPOSE)
    page = IdFirstPaginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "secondopinions/list.html",
        {
            "page": page,
            "statuses": Status.choices,
            "status": request.GET.get("status", ""),
            "is_advisor": scope_of(request.user).has(Role.ADVISOR),
        },
    )


@login_required
def second_opinion_refer(request, job_seeker_id: int):
    if not request.user.has_perm("secondopinions.refer"):
        raise PermissionDenied
    job_seeker = jobseeker_selectors.jobseeker_get(
        user=request.user, id=job_seeker_id, purpose=PURPOSE
    )
    form = SubjectForm(request.POST or None, **_subject_choices(job_seeker))
    if request.method == "POST" and form.is_valid():
        try:
            second_opinion = services.second_opinion_request(
                user=request.user,
                job_seeker_id=job_seeker.pk,
                question=form.cleaned_data["question"],
                **form.subject_ids(),
            )
        except AccessError:
            raise
        except DomainError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The job seeker is referred to the independent advisor."))
            return redirect("secondopinions:detail", id=second_opinion.pk)
    return render(
        request,
        "secondopinions/refer.html",
        {
            "form": form,
            "js": job_seeker,
            "weeks": MunicipalitySettings.of(job_seeker.municipality).second_opinion_term_weeks,
        },
        status=400 if request.method == "POST" else 200,
    )


def _advisors(second_opinion: SecondOpinion):
    from werkpad.accounts.selectors import role_holders

    return User.objects.filter(
        pk__in=role_holders(role=Role.ADVISOR, organisation_id=second_opinion.advisor_office_id)
    ).order_by("last_name", "first_name")


def _offers(user, second_opinion: SecondOpinion) -> dict[str, bool]:
    """Which action forms the page offers: the lifecycle's next steps this user may take."""
    nexts = ALLOWED_TRANSITIONS[second_opinion.status]
    return {
        "assign": second_opinion.status in (Status.REQUESTED, Status.ASSIGNED)
        and user.has_perm("secondopinions.assign", second_opinion),
        "advise": second_opinion.status == Status.ASSIGNED
        and user.has_perm("secondopinions.advise", second_opinion),
        "other_expert": second_opinion.status not in CLOSED
        and user.has_perm("secondopinions.record_other_expert", second_opinion),
        "meeting": Status.DISCUSSED in nexts
        and user.has_perm("secondopinions.record_meeting", second_opinion),
        "decide": Status.DECIDED in nexts
        and user.has_perm("secondopinions.decide", second_opinion),
        "withdraw": Status.WITHDRAWN in nexts
        and user.has_perm("secondopinions.withdraw", second_opinion),
    }


def _version(second_opinion: SecondOpinion) -> dict[str, int]:
    return {"version": second_opinion.version}


def _detail(request, second_opinion: SecondOpinion, *, bound=None, status: int = 200):
    offers = _offers(request.user, second_opinion)
    forms = {
        "assign_form": AssignForm(
            initial=_version(second_opinion), advisors=_advisors(second_opinion)
        )
        if offers["assign"]
        else None,
        "advice_form": AdviceForm(initial=_version(second_opinion)),
        "other_expert_form": OtherExpertForm(initial=_version(second_opinion)),
        "meeting_form": MeetingForm(initial=_version(second_opinion)),
        "withdraw_form": WithdrawForm(initial=_version(second_opinion)),
    }
    forms.update(bound or {})
    return render(
        request,
        "secondopinions/detail.html",
        {
            "so": second_opinion,
            "offers": offers,
            "history": selectors.second_opinion_history(second_opinion=second_opinion),
            "is_advisor": rules.is_advisor_of(request.user, second_opinion),
            "file": selectors.advisor_file(user=request.user, second_opinion=second_opinion),
            "Status": Status,
            **forms,
        },
        status=status,
    )


@staff_only
def second_opinion_detail(request, id: int):
    second_opinion = selectors.second_opinion_get(user=request.user, id=id, purpose=PURPOSE)
    return _detail(request, second_opinion)


def _act(
    request, id: int, *, action: str, form_class, form_name: str, call, done: str, **form_kwargs
):
    """A POST on one of the detail page's forms: the service, or the page again with the
    refusal at its field (400), or the conflict above it (409)."""
    second_opinion = selectors.second_opinion_get(
        user=request.user, id=id, purpose=PURPOSE, for_action=action
    )
    if form_class is AssignForm:
        form_kwargs["advisors"] = _advisors(second_opinion)
    form = form_class(request.POST, **form_kwargs)
    if form.is_valid():
        try:
            call(second_opinion, form.cleaned_data)
        except AccessError:
            raise
        except DomainError as error:
            show_refusal(form, error)
            second_opinion.refresh_from_db()
            return _detail(request, second_opinion, bound={form_name: form}, status=error.status)
        messages.success(request, done)
        return redirect("secondopinions:detail", id=id)
    return _detail(request, second_opinion, bound={form_name: form}, status=400)


def _version_of(data) -> int | None:
    return data.get("version") or None


@require_POST
@staff_only
def second_opinion_assign(request, id: int):
    return _act(
        request,
        id,
        action="assign",
        form_class=AssignForm,
        form_name="assign_form",
        call=lambda so, d: services.second_opinion_assign(
            user=request.user,
            second_opinion_id=so.pk,
            advisor_id=d["advisor"],
            expected_version=_version_of(d),
        ),
        done=_("The advisor is assigned."),
    )


@require_POST
@staff_only
def second_opinion_advise(request, id: int):
    return _act(
        request,
        id,
        action="advise",
        form_class=AdviceForm,
        form_name="advice_form",
        call=lambda so, d: services.second_opinion_advise(
            user=request.user,
            second_opinion_id=so.pk,
            advice=d["advice"],
            expected_version=_version_of(d),
        ),
        done=_("The advice is saved; the caseworker and the job seeker can read it."),
    )


def _other_expert(request, id: int):
    return _act(
        request,
        id,
        action="other-expert",
        form_class=OtherExpertForm,
        form_name="other_expert_form",
        call=lambda so, d: services.second_opinion_other_expert(
            user=request.user,
            second_opinion_id=so.pk,
            name=d["name"],
            organisation=d["organisation"],
            role=d["role"],
            mode=d["mode"],
            advice=d["advice"],
            expected_version=_version_of(d),
        ),
        done=_("The other expert is recorded."),
    )


@require_POST
@staff_only
def second_opinion_other_expert(request, id: int):
    return _other_expert(request, id)


@require_POST
@staff_only
def second_opinion_meeting(request, id: int):
    return _act(
        request,
        id,
        action="meeting",
        form_class=MeetingForm,
        form_name="meeting_form",
        call=lambda so, d: services.second_opinion_record_meeting(
            user=request.user,
            second_opinion_id=so.pk,
            held_on=d["held_on"],
            present=d["present"],
            notes=d["notes"],
            expected_version=_version_of(d),
        ),
        done=_("The meeting is recorded."),
    )


def _withdraw(request, id: int):
    return _act(
        request,
        id,
        action="withdraw",
        form_class=WithdrawForm,
        form_name="withdraw_form",
        call=lambda so, d: services.second_opinion_withdraw(
            user=request.user,
            second_opinion_id=so.pk,
            reason=d["reason"],
            expected_version=_version_of(d),
        ),
        done=_("The second opinion is withdrawn."),
    )


@require_POST
@staff_only
def second_opinion_withdraw(request, id: int):
    return _withdraw(request, id)


@staff_only
def second_opinion_decide(request, id: int):
    """The decision, with the advice beside the motivation."""
    second_opinion = selectors.second_opinion_get(
        user=request.user, id=id, purpose=PURPOSE, for_action="decide"
    )
    form = DecisionForm(request.POST or None, initial=_version(second_opinion))
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.second_opinion_decide(
                    user=request.user,
                    second_opinion_id=second_opinion.pk,
                    decision=form.cleaned_data["decision"],
                    motivation=form.cleaned_data["motivation"],
                    expected_version=_version_of(form.cleaned_data),
                )
            except AccessError:
                raise
            except DomainError as error:
                show_refusal(form, error)
                status = error.status
            else:
                messages.success(request, _("The decision is saved; the job seeker can read it."))
                return redirect("secondopinions:detail", id=id)
    return render(
        request,
        "secondopinions/decide.html",
        {
            "so": second_opinion,
            "form": form,
            "needs_motivation": [str(d) for d in NEEDS_MOTIVATION],
            "may_decide": Status.DECIDED in ALLOWED_TRANSITIONS[second_opinion.status],
        },
        status=status,
    )


@login_required
def second_opinion_figures(request):
    if not request.user.has_perm("secondopinions.view_figures"):
        raise PermissionDenied
    year = request.GET.get("year", "")
    figures = selectors.second_opinion_figures(
        user=request.user,
        year=int(year) if year.isdigit() and 2000 <= int(year) <= 2100 else None,
        min_cell=settings.WERKPAD_MIN_CELL,
    )
    return render(request, "secondopinions/figures.html", {"f": figures})


# --- the job seeker's own pages (/mijn/adviezen/) -----------------------------------------


@job_seeker_only
def my_list(request):
    job_seeker = jobseeker_selectors.jobseeker_get_own(user=request.user)
    return render(
        request,
        "secondopinions/mine.html",
        {
            "js": job_seeker,
            "second_opinions": selectors.job_seeker_second_opinions(
                user=request.user, job_seeker_id=job_seeker.pk
            ),
        },
    )


@job_seeker_only
def my_request(request):
    job_seeker = jobseeker_selectors.jobseeker_get_own(user=request.user)
    form = OwnRequestForm(request.POST or None, **_subject_choices(job_seeker))
    if request.method == "POST" and form.is_valid():
        try:
            second_opinion = services.second_opinion_request(
                user=request.user,
                job_seeker_id=job_seeker.pk,
                question=form.cleaned_data["question"],
                shared_parts=form.cleaned_data["shared_parts"],
                **form.subject_ids(),
            )
        except AccessError:
            raise
        except DomainError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("Your request is sent to the independent advisor."))
            return redirect("mysecondopinions:detail", id=second_opinion.pk)
    return render(
        request,
        "secondopinions/my_request.html",
        {
            "form": form,
            "weeks": MunicipalitySettings.of(job_seeker.municipality).second_opinion_term_weeks,
        },
        status=400 if request.method == "POST" else 200,
    )


def _my_detail(request, second_opinion: SecondOpinion, *, bound=None, status: int = 200):
    offers = _offers(request.user, second_opinion)
    forms = {
        "other_expert_form": OtherExpertForm(initial=_version(second_opinion)),
        "withdraw_form": WithdrawForm(initial=_version(second_opinion)),
    }
    forms.update(bound or {})
    return render(
        request,
        "secondopinions/my_detail.html",
        {"so": second_opinion, "offers": offers, "Status": Status, **forms},
        status=status,
    )


@own_only
def my_detail(request, id: int):
    second_opinion = selectors.second_opinion_get(user=request.user, id=id, purpose=PURPOSE)
    return _my_detail(request, second_opinion)


def _my_act(request, id: int, *, action: str, form_class, form_name: str, call, done: str):
    second_opinion = selectors.second_opinion_get(
        user=request.user, id=id, purpose=PURPOSE, for_action=action
    )
    form = form_class(request.POST)
    if form.is_valid():
        try:
            call(second_opinion, form.cleaned_data)
        except AccessError:
            raise
        except DomainError as error:
            show_refusal(form, error)
            second_opinion.refresh_from_db()
            return _my_detail(request, second_opinion, bound={form_name: form}, status=error.status)
        messages.success(request, done)
        return redirect("mysecondopinions:detail", id=id)
    return _my_detail(request, second_opinion, bound={form_name: form}, status=400)


@require_POST
@job_seeker_only
def my_other_expert(request, id: int):
    return _my_act(
        request,
        id,
        action="other-expert",
        form_class=OtherExpertForm,
        form_name="other_expert_form",
        call=lambda so, d: services.second_opinion_other_expert(
            user=request.user,
            second_opinion_id=so.pk,
            name=d["name"],
            organisation=d["organisation"],
            role=d["role"],
            mode=d["mode"],
            advice=d["advice"],
            expected_version=_version_of(d),
        ),
        done=_("The other expert is recorded."),
    )


@require_POST
@job_seeker_only
def my_withdraw(request, id: int):
    return _my_act(
        request,
        id,
        action="withdraw",
        form_class=WithdrawForm,
        form_name="withdraw_form",
        call=lambda so, d: services.second_opinion_withdraw(
            user=request.user,
            second_opinion_id=so.pk,
            reason=d["reason"],
            expected_version=_version_of(d),
        ),
        done=_("Your request for a second opinion is withdrawn."),
    )
