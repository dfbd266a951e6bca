"""The pages of advice requests (CO1) under /raad/adviezen/: the list (both sides, by
status), the request with its documents, term, advice and responses, and the steps: a new
request, sending and withdrawing it (policy officer), writing and sending the advice and
asking for a longer term (council members), deciding on the longer term and responding
per recommendation (policy officer), and unasked advice (council members)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from werkpad.core import clock
from werkpad.core.decorators import role_required
from werkpad.core.errors import DomainError, InvalidInputError
from werkpad.core.forms import refusal_status
from werkpad.council.advice import selectors, services
from werkpad.council.advice.forms import (
    AdviceForm,
    AdviceRequestForm,
    AttachmentForm,
    ExtensionDecisionForm,
    ExtensionForm,
    RecommendationFormSet,
    ResponseForm,
    UnaskedAdviceForm,
    WithdrawForm,
)
from werkpad.council.advice.workflow import Status
from werkpad.council.models import AdviceRequest
from werkpad.council.rules import (
    ADVICE_COUNCIL_ROLES,
    ADVICE_MUNICIPALITY_ROLES,
    ADVICE_READER_ROLES,
)
from werkpad.documents.models import document_storage

PER_PAGE = 25
readers = role_required(*ADVICE_READER_ROLES)
municipality_side = role_required(*ADVICE_MUNICIPALITY_ROLES)
council_side = role_required(*ADVICE_COUNCIL_ROLES)


def _detail_url(request_id: int) -> str:
    return reverse("council:advice-detail", args=[request_id])


@readers
@require_GET
def advice_list(request):
    status = request.GET.get("status", "")
    try:
        rows = selectors.advice_request_list(user=request.user, filters={"status": status})
    except InvalidInputError:
        status, rows = "", selectors.advice_request_list(user=request.user)
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "council/advice/list.html",
        {
            "page": page,
            "query": urlencode({"status": status}) if status else "",
            "status": status,
            "statuses": Status.choices,
            "today": clock.today(),
            "may_request": request.user.has_perm("council.add_advicerequest"),
            "may_advise_unasked": request.user.has_perm("council.add_unasked_advice"),
        },
    )


@readers
@require_GET
def advice_detail(request, id: int):
    advice_request = selectors.advice_request_get(user=request.user, id=id)
    user = request.user
    handles = user.has_perm("council.handle_advicerequest", advice_request)
    advises = user.has_perm("council.advise", advice_request)
    days_left = advice_request.days_left()
    pending = next((e for e in advice_request.extensions.all() if e.granted is None), None)
    return render(
        request,
        "council/advice/detail.html",
        {
            "r": advice_request,
            "today": clock.today(),
            "days_left": days_left,
            "days_overdue": -days_left if days_left is not None and days_left < 0 else 0,
            "handles": handles,
            "advises": advises,
            "reads_advice": user.has_perm("council.read_advice", advice_request),
            "pending_extension": pending,
            "attach_form": AttachmentForm(),
            "withdraw_form": WithdrawForm(),
            "extension_form": ExtensionForm(),
            "decision_form": ExtensionDecisionForm(),
        },
    )


@municipality_side
def advice_create(request):
    status = 200
    if request.method == "POST":
        form = AdviceRequestForm(request.POST, request.FILES)
        status = 400
        if form.is_valid():
            d = form.cleaned_data
            try:
                created = services.advice_request_create(
                    user=request.user,
                    kind=d["kind"],
                    title=d["title"],
                    question=d["question"],
                    decision_on=d["decision_on"],
                    files=[d["file"]] if d.get("file") else [],
                )
            except DomainError as error:
                status = refusal_status(form, error)
            else:
                messages.success(request, _("The advice request is saved as a draft."))
                return redirect(_detail_url(created.pk))
    else:
        form = AdviceRequestForm()
    return render(request, "council/advice/request_form.html", {"form": form}, status=status)


def _step(request, id: int, call, success: str):
    """Run a step of the request's lifecycle from a button; a refusal returns to the page
    with its message."""
    selectors.advice_request_get(user=request.user, id=id)
    try:
        call()
    except DomainError as error:
        if error.status in (403, 404):
            raise
        messages.error(request, _refusal_text(error))
    else:
        messages.success(request, success)
    return redirect(_detail_url(id))


def _refusal_text(error: DomainError) -> str:
    if isinstance(error, InvalidInputError):
        return " ".join(str(m) for messages_ in error.errors.values() for m in messages_)
    return str(error.message)


@municipality_side
@require_POST
def advice_send(request, id: int):
    return _step(
        request,
        id,
        lambda: services.advice_request_send(user=request.user, request_id=id),
        _("The advice request is sent to the council."),
    )


@municipality_side
@require_POST
def advice_withdraw(request, id: int):
    form = WithdrawForm(request.POST)
    return _step(
        request,
        id,
        lambda: services.advice_request_withdraw(
            user=request.user,
            request_id=id,
            reason=form.data.get("reason", ""),
        ),
        _("The advice request is withdrawn."),
    )


@municipality_side
@require_POST
def advice_attach(request, id: int):
    form = AttachmentForm(request.POST, request.FILES)

    def attach():
        if not form.is_valid():
            raise InvalidInputError({"file": [_("Choose a file.")]})
        services.attachment_add(user=request.user, request_id=id, upload=form.cleaned_data["file"])

    return _step(request, id, attach, _("The document is attached."))


@readers
@require_GET
def advice_attachment(request, id: int, attachment_id: int):
    advice_request = selectors.advice_request_get(user=request.user, id=id)
    attachment = next((a for a in advice_request.attachments.all() if a.pk == attachment_id), None)
    if attachment is None:
        raise Http404
    response = FileResponse(
        document_storage().open(attachment.file.name, "rb"),
        as_attachment=True,
        filename=attachment.name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _advice_saved(request, *, send: bool) -> None:
    messages.success(
        request,
        _("The advice is sent to the municipality.")
        if send
        else _("The advice is saved as a draft."),
    )


def _recommendation_rows(formset) -> list[services.RecommendationInput]:
    return [
        services.RecommendationInput(
            text=f.cleaned_data.get("text", ""), explanation=f.cleaned_data.get("explanation", "")
        )
        for f in formset.forms
        if f.cleaned_data
    ]


@council_side
def advice_write(request, id: int):
    advice_request = selectors.advice_request_get(user=request.user, id=id, for_action="advise")
    status = 200
    if request.method == "POST":
        form = AdviceForm(request.POST)
        formset = RecommendationFormSet(request.POST, prefix="rec")
        status = 400
        if form.is_valid() and formset.is_valid():
            send = "send" in request.POST
            try:
                services.advice_save(
                    user=request.user,
                    request_id=id,
                    introduction=form.cleaned_data["introduction"],
                    recommendations=_recommendation_rows(formset),
                    send=send,
                    expected_version=form.cleaned_data["version"],
                )
            except DomainError as error:
                status = refusal_status(form, error)
            else:
                _advice_saved(request, send=send)
                return redirect(_detail_url(id))
    else:
        form = AdviceForm(
            initial={
                "version": advice_request.version,
                "introduction": advice_request.advice_introduction,
            }
        )
        formset = RecommendationFormSet(
            prefix="rec",
            initial=[
                {"text": r.text, "explanation": r.explanation}
                for r in advice_request.recommendations.all()
            ],
        )
    return render(
        request,
        "council/advice/advice_form.html",
        {"r": advice_request, "form": form, "formset": formset},
        status=status,
    )


@council_side
def advice_unasked(request):
    status = 200
    if request.method == "POST":
        form = UnaskedAdviceForm(request.POST)
        formset = RecommendationFormSet(request.POST, prefix="rec")
        status = 400
        if form.is_valid() and formset.is_valid():
            send = "send" in request.POST
            d = form.cleaned_data
            try:
                created = services.unasked_advice_create(
                    user=request.user,
                    kind=d["kind"],
                    title=d["title"],
                    introduction=d["introduction"],
                    recommendations=_recommendation_rows(formset),
                    send=send,
                )
            except DomainError as error:
                status = refusal_status(form, error)
            else:
                _advice_saved(request, send=send)
                return redirect(_detail_url(created.pk))
    else:
        form = UnaskedAdviceForm()
        formset = RecommendationFormSet(prefix="rec")
    return render(
        request,
        "council/advice/advice_form.html",
        {"r": None, "form": form, "formset": formset},
        status=status,
    )


@council_side
@require_POST
def advice_extension(request, id: int):
    form = ExtensionForm(request.POST)

    def ask():
        if not form.is_valid():
            raise InvalidInputError({"until": [_("Give the date and the reason.")]})
        services.extension_request(
            user=request.user,
            request_id=id,
            until=form.cleaned_data["until"],
            reason=form.cleaned_data["reason"],
        )

    return _step(request, id, ask, _("The longer term is asked."))


@municipality_side
@require_POST
def advice_extension_decision(request, id: int):
    form = ExtensionDecisionForm(request.POST)

    def decide():
        if not form.is_valid():
            raise InvalidInputError({"granted": [_("Grant or refuse the longer term.")]})
        services.extension_decide(
            user=request.user, request_id=id, granted=form.cleaned_data["granted"]
        )

    return _step(request, id, decide, _("The decision on the longer term is recorded."))


@municipality_side
def advice_respond(request, id: int):
    advice_request: AdviceRequest = selectors.advice_request_get(
        user=request.user, id=id, for_action="respond"
    )
    recommendations = list(advice_request.recommendations.all())
    status = 200
    if request.method == "POST":
        form = ResponseForm(request.POST, recommendations=recommendations)
        status = 400
        if form.is_valid():
            d = form.cleaned_data
            responses = {
                n: services.ResponseInput(
                    response=d.get(f"response_{n}", ""), reasons=d.get(f"reasons_{n}", "")
                )
                for n in form.numbers
            }
            try:
                services.advice_respond(
                    user=request.user,
                    request_id=id,
                    letter=d["letter"],
                    responses=responses,
                    expected_version=d["version"],
                )
            except DomainError as error:
                if isinstance(error, InvalidInputError):
                    for field, found in error.errors.items():
                        name = field.replace("recommendation_", "response_")
                        for message in found:
                            form.add_error(name if name in form.fields else None, message)
                    status = 400
                else:
                    status = refusal_status(form, error)
            else:
                messages.success(request, _("The response is sent to the council."))
                return redirect(_detail_url(id))
    else:
        form = ResponseForm(
            initial={"version": advice_request.version}, recommendations=recommendations
        )
    rows = [
        (rec, form[f"response_{rec.number}"], form[f"reasons_{rec.number}"])
        for rec in recommendations
    ]
    return render(
        request,
        "council/advice/response_form.html",
        {"r": advice_request, "form": form, "rows": rows},
        status=status,
    )
