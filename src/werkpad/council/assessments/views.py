"""The pages of assessments with the LCR checklist (CO3) under /raad/beoordelingen/:
the list (own council's and those shared in the region), a new one, the answer form
point by point with werkpad's evidence beside each question, the view, the comparison
with the council's previous assessment, the exports, sharing and the regional overview."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from werkpad.core.decorators import role_required
from werkpad.core.errors import DomainError, PermissionDeniedError
from werkpad.core.forms import refusal_status
from werkpad.core.permissions import Role
from werkpad.council.assessments import exports, selectors, services
from werkpad.council.assessments.forms import AssessmentForm, PointForm
from werkpad.council.checklist import checklist
from werkpad.council.models.assessments import AnswerValue
from werkpad.council.rules import CHECKLIST_READERS

readers = role_required(*CHECKLIST_READERS)
members = role_required(Role.COUNCIL_MEMBER)


@readers
def assessment_list(request):
    assessments = list(selectors.assessment_list(user=request.user))
    rows = [
        {
            "assessment": a,
            "own": selectors.is_own(user=request.user, assessment=a),
            "progress": selectors.progress_of(a),
        }
        for a in assessments
    ]
    return render(
        request,
        "council/assessments/list.html",
        {
            "rows": rows,
            "may_add": request.user.has_perm("council.add_assessment"),
            "source": checklist().source,
        },
    )


@members
def assessment_create(request):
    status = 200
    if request.method == "POST":
        form = AssessmentForm(request.POST)
        status = 400
        if form.is_valid():
            try:
                assessment = services.assessment_create(
                    user=request.user, title=form.cleaned_data["title"]
                )
            except DomainError as error:
                status = refusal_status(form, error)
            else:
                messages.success(request, _("The assessment is started."))
                return redirect("council:assessment-point", id=assessment.pk, number=1)
    else:
        form = AssessmentForm()
    return render(request, "council/assessments/new.html", {"form": form}, status=status)


@readers
def assessment_detail(request, id: int):
    assessment = selectors.assessment_get(user=request.user, id=id)
    own = selectors.is_own(user=request.user, assessment=assessment)
    return render(
        request,
        "council/assessments/detail.html",
        {
            "assessment": assessment,
            "own": own,
            "points": selectors.points_of(assessment, live=False),
            "progress": selectors.progress_of(assessment),
            "may_change": request.user.has_perm("council.change_assessment", assessment),
            "may_share": request.user.has_perm("council.share_assessment", assessment)
            and not assessment.shared_with_region,
        },
    )


def _initial(point_rows, assessment) -> dict[str, object]:
    initial: dict[str, object] = {"version": assessment.version}
    for row in point_rows.rows:
        if row.answer is not None:
            initial[f"answer_{row.question.id}"] = row.answer.answer
            initial[f"text_{row.question.id}"] = (
                row.answer.action_points if row.question.asks_action_points else row.answer.remarks
            )
    return initial


@readers
def assessment_point(request, id: int, number: int):
    assessment = selectors.assessment_get(user=request.user, id=id)
    if not 1 <= number <= len(checklist().points):
        raise Http404
    if not request.user.has_perm("council.change_assessment", assessment):
        if selectors.is_own(user=request.user, assessment=assessment):
            messages.info(request, _("This assessment is final: it can no longer be changed."))
            return redirect("council:assessment-detail", id=assessment.pk)
        raise PermissionDeniedError(code="assessment-change-denied")
    point = checklist().point(number)
    status = 200
    if request.method == "POST":
        form = PointForm(request.POST, point=point)
        status = 400
        if form.is_valid():
            d = form.cleaned_data
            answers = [
                services.AnswerInput(
                    question_id=q.id,
                    answer=d[f"answer_{q.id}"] or AnswerValue.NONE_YET,
                    remarks="" if q.asks_action_points else d[f"text_{q.id}"],
                    action_points=d[f"text_{q.id}"] if q.asks_action_points else "",
                )
                for q in point.questions
            ]
            try:
                services.answers_save(
                    user=request.user,
                    assessment_id=assessment.pk,
                    answers=answers,
                    expected_version=d["version"],
                )
            except DomainError as error:
                status = refusal_status(form, error)
            else:
                messages.success(
                    request, _("Point %(number)s is saved as a draft.") % {"number": number}
                )
                target = number + 1 if "next" in request.POST and number < 16 else number
                return redirect("council:assessment-point", id=assessment.pk, number=target)
    point_rows = selectors.points_of(assessment, live=True)[number - 1]
    if request.method != "POST":
        form = PointForm(initial=_initial(point_rows, assessment), point=point)
    rows = [
        {
            "row": row,
            "answer_field": form[f"answer_{row.question.id}"],
            "text_field": form[f"text_{row.question.id}"],
        }
        for row in point_rows.rows
    ]
    all_points = selectors.points_of(assessment, live=False)
    return render(
        request,
        "council/assessments/point.html",
        {
            "assessment": assessment,
            "point": point,
            "form": form,
            "rows": rows,
            "progress": selectors.progress_of(assessment),
            "points": all_points,
            "previous_number": number - 1 if number > 1 else None,
            "next_number": number + 1 if number < len(all_points) else None,
        },
        status=status,
    )


@require_POST
@members
def assessment_finalise(request, id: int):
    assessment = selectors.assessment_get(user=request.user, id=id)
    try:
        services.assessment_finalise(
            user=request.user, assessment_id=assessment.pk, expected_version=None
        )
    except PermissionDeniedError:
        raise
    except DomainError as error:
        if error.status in (403, 404):
            raise
        messages.error(request, error.message)
    else:
        messages.success(request, _("The assessment is final."))
    return redirect("council:assessment-detail", id=assessment.pk)


@require_POST
@members
def assessment_share(request, id: int):
    assessment = selectors.assessment_get(user=request.user, id=id)
    try:
        services.assessment_share(user=request.user, assessment_id=assessment.pk)
    except PermissionDeniedError:
        raise
    except DomainError as error:
        if error.status in (403, 404):
            raise
        messages.error(request, error.message)
    else:
        messages.success(request, _("The assessment is shared with the councils of the region."))
    return redirect("council:assessment-detail", id=assessment.pk)


@readers
def assessment_compare(request, id: int):
    assessment, previous, changes = selectors.comparison(user=request.user, id=id)
    return render(
        request,
        "council/assessments/compare.html",
        {
            "assessment": assessment,
            "previous": previous,
            "changes": changes,
            "changed": sum(1 for c in changes if c.changed),
        },
    )


@readers
def assessment_export(request, id: int, kind: str):
    if kind not in exports.FORMATS:
        raise Http404
    assessment = selectors.assessment_get(user=request.user, id=id)
    return exports.download(user=request.user, assessment=assessment, kind=kind)


@members
def regional_overview(request):
    overview = selectors.regional_overview(user=request.user)
    return render(
        request,
        "council/assessments/region.html",
        {"overview": overview, "points": checklist().points},
    )
