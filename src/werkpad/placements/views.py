"""The pages of referrals to vacancies, placements and the self-employment route
(MA2-MA4): the list, referring a job seeker to a vacancy (with the conflict of interest
shown and confirmed), a referral with its result steps, recording a placement with the
minimum-wage check, a placement with its follow-ups, recording a follow-up, and the
self-employment route."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from werkpad.core import clock
from werkpad.core.decorators import role_required
from werkpad.core.errors import DomainError, InvalidInputError
from werkpad.core.forms import refusal_status
from werkpad.core.models import AuditEvent
from werkpad.core.pagination import IdFirstPaginator
from werkpad.core.permissions import Role
from werkpad.employers.models import Employer
from werkpad.placements import selectors, services
from werkpad.placements.forms import (
    FollowUpForm,
    PlacementForm,
    ReferralForm,
    ReferralResultForm,
    SelfEmploymentForm,
)
from werkpad.placements.rules import CASEWORKER_ROLES, REFERRERS
from werkpad.placements.workflow import OPEN

PURPOSE = AuditEvent.Purpose.PLACEMENTS
viewers = role_required(*REFERRERS, Role.EMPLOYER)
referrers = role_required(*REFERRERS)
caseworkers = role_required(*CASEWORKER_ROLES)


@viewers
def placement_list(request):
    params = request.GET.copy()
    try:
        placements = selectors.placement_list(user=request.user, filters=params, purpose=PURPOSE)
    except InvalidInputError as error:
        messages.error(request, _("A filter was not valid and was left out: %s") % error.message)
        placements = selectors.placement_list(user=request.user, purpose=PURPOSE)
    follow_up_due = params.get("followUp") == "due"
    if follow_up_due:
        placements = placements.filter(
            follow_ups__done_on__isnull=True, follow_ups__due_on__lte=clock.today()
        ).distinct()
    referrals = (
        selectors.referral_list(
            user=request.user, filters={"status": ",".join(sorted(OPEN))}, purpose=PURPOSE
        )[:50]
        if request.user.has_perm("placements.list_referral")
        else []
    )
    return render(
        request,
        "placements/list.html",
        {
            "page": IdFirstPaginator(placements, 25).get_page(request.GET.get("page")),
            "referrals": referrals,
            "follow_up_due": follow_up_due,
            "today": clock.today(),
            "details": request.user.has_perm("placements.list_referral"),
        },
    )


@referrers
def referral_create(request, job_seeker_id: int):
    job_seeker = selectors.job_seeker_to_act_on(
        user=request.user,
        job_seeker_id=job_seeker_id,
        permission="placements.refer",
        purpose=PURPOSE,
    )
    vacancies = list(selectors.vacancies_to_refer_to(user=request.user, job_seeker=job_seeker))
    conflicts = {
        v.pk: services.referral_conflict(job_seeker=job_seeker, vacancy=v) for v in vacancies
    }
    status = 200
    if request.method == "POST":
        form = ReferralForm(request.POST, vacancies=vacancies)
        status = 400
        if form.is_valid():
            d = form.cleaned_data
            try:
                referral = services.referral_create(
                    user=request.user,
                    job_seeker_id=job_seeker.pk,
                    vacancy_id=d["vacancy"],
                    support=d["support"],
                    conflict_confirmed=d["conflict_confirmed"],
                )
            except DomainError as error:
                status = refusal_status(form, error)
            else:
                messages.success(request, _("The job seeker is referred to the vacancy."))
                return redirect("placements:referral", id=referral.pk)
    else:
        form = ReferralForm(vacancies=vacancies)
    return render(
        request,
        "placements/referral_form.html",
        {
            "form": form,
            "js": job_seeker,
            "conflicts": [(v, conflicts[v.pk]) for v in vacancies if conflicts[v.pk].found],
        },
        status=status,
    )


def _referral_page(request, referral, *, form=None, status=200):
    return render(
        request,
        "placements/referral_detail.html",
        {
            "r": referral,
            "history": selectors.referral_history(referral=referral),
            "result_form": form or ReferralResultForm(initial={"version": referral.version}),
            "may_record": referral.status in OPEN
            and request.user.has_perm("placements.record_result", referral),
            "may_place": referral.status in OPEN
            and request.user.has_perm("placements.add_placement", referral.job_seeker),
            "open": referral.status in OPEN,
        },
        status=status,
    )


@referrers
def referral_detail(request, id: int):
    referral = selectors.referral_get(user=request.user, id=id, purpose=PURPOSE)
    return _referral_page(request, referral)


@require_POST
@referrers
def referral_result(request, id: int):
    referral = selectors.referral_get(
        user=request.user, id=id, purpose=PURPOSE, for_action="result"
    )
    form = ReferralResultForm(request.POST)
    status = 400
    if form.is_valid():
        d = form.cleaned_data
        try:
            services.referral_result(
                user=request.user,
                referral_id=referral.pk,
                step=d["step"],
                reason=d["reason"],
                expected_version=d["version"],
            )
        except DomainError as error:
            status = refusal_status(form, error)
        else:
            messages.success(request, _("The result is saved."))
            return redirect("placements:referral", id=referral.pk)
    referral.refresh_from_db()
    return _referral_page(request, referral, form=form, status=status)


@caseworkers
def placement_create(request, job_seeker_id: int):
    job_seeker = selectors.job_seeker_to_act_on(
        user=request.user,
        job_seeker_id=job_seeker_id,
        permission="placements.add_placement",
        purpose=PURPOSE,
    )
    options = {
        "referrals": list(
            selectors.open_referrals_of(user=request.user, job_seeker_id=job_seeker.pk)
        ),
        "employers": list(
            Employer.objects.filter(municipality_id=job_seeker.municipality_id)
            .select_related("organisation")
            .order_by("organisation__name")
        ),
        "grants": list(selectors.usable_grants(job_seeker_id=job_seeker.pk)),
    }
    status = 200
    if request.method == "POST":
        form = PlacementForm(request.POST, **options)
        status = 400
        if form.is_valid():
            d = form.cleaned_data
            try:
                result = services.placement_create(
                    user=request.user,
                    job_seeker_id=job_seeker.pk,
                    data=services.PlacementInput(
                        referral_id=d["referral"],
                        employer_id=d["employer"],
                        employer_name=d["employer_name"],
                        self_found=d["self_found"],
                        job_title=d["job_title"],
                        start_date=d["start_date"],
                        contract_type=d["contract_type"],
                        hours_per_week=d["hours_per_week"],
                        hourly_wage=d["hourly_wage"],
                        grant_ids=d["grants"],
                        aftercare_plan=d["aftercare_plan"],
                        job_coach_schedule=d["job_coach_schedule"],
                        next_contact_on=d["next_contact_on"],
                    ),
                )
            except DomainError as error:
                status = refusal_status(form, error)
            else:
                messages.success(request, _("The placement is recorded."))
                if result.vacancy_filled:
                    messages.info(
                        request,
                        _(
                            "All positions of the vacancy are filled now: the employer service "
                            "can close it."
                        ),
                    )
                return redirect("placements:detail", id=result.placement.pk)
    else:
        referral = request.GET.get("referral", "")
        form = PlacementForm(
            initial={"referral": int(referral)} if referral.isdigit() else {}, **options
        )
    return render(
        request, "placements/placement_form.html", {"form": form, "js": job_seeker}, status=status
    )


@viewers
def placement_detail(request, id: int):
    placement = selectors.placement_get(user=request.user, id=id, purpose=PURPOSE)
    return render(
        request,
        "placements/detail.html",
        {
            "p": placement,
            "details": request.user.has_perm("placements.view_placement_details", placement),
            "may_follow_up": request.user.has_perm("placements.follow_up", placement),
            "vacancy_filled": placement.vacancy is not None
            and selectors.positions_filled(vacancy=placement.vacancy),
            "today": clock.today(),
        },
    )


@caseworkers
def follow_up_record(request, id: int, follow_up_id: int):
    placement = selectors.placement_get(
        user=request.user, id=id, purpose=PURPOSE, for_action="follow_up"
    )
    follow_up = selectors.follow_up_get(
        user=request.user, placement=placement, follow_up_id=follow_up_id
    )
    status = 200
    if request.method == "POST":
        form = FollowUpForm(request.POST)
        status = 400
        if form.is_valid():
            d = form.cleaned_data
            try:
                services.follow_up_record(
                    user=request.user,
                    placement_id=placement.pk,
                    months=follow_up.months,
                    still_in_work=d["still_in_work"],
                    working_for=d["working_for"],
                    notes=d["notes"],
                    next_contact_on=d["next_contact_on"],
                )
            except DomainError as error:
                status = refusal_status(form, error)
            else:
                messages.success(request, _("The follow-up is recorded."))
                return redirect("placements:detail", id=placement.pk)
    else:
        form = FollowUpForm(initial={"working_for": placement.employer_label})
    return render(
        request,
        "placements/follow_up_form.html",
        {"form": form, "p": placement, "f": follow_up, "today": clock.today()},
        status=status,
    )


@caseworkers
def self_employment_create(request, job_seeker_id: int):
    job_seeker = selectors.job_seeker_to_act_on(
        user=request.user,
        job_seeker_id=job_seeker_id,
        permission="placements.self_employment",
        purpose=PURPOSE,
    )
    status = 200
    if request.method == "POST":
        form = SelfEmploymentForm(request.POST)
        status = 400
        if form.is_valid():
            d = form.cleaned_data
            try:
                services.self_employment_route_create(
                    user=request.user, job_seeker_id=job_seeker.pk, **d
                )
            except DomainError as error:
                status = refusal_status(form, error)
            else:
                messages.success(request, _("The self-employment route is recorded."))
                return redirect("jobseekers:detail", id=job_seeker.pk)
    else:
        form = SelfEmploymentForm(initial={"information_given_on": clock.today()})
    return render(
        request,
        "placements/self_employment_form.html",
        {"form": form, "js": job_seeker},
        status=status,
    )
