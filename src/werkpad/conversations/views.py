"""The message pages (WT2): staff under /berichten/ (their conversations, unread first;
a thread with its answer form; a new message about a job seeker), the job seeker's own
under /mijn/berichten/, made for a phone first."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from werkpad.conversations import selectors, services
from werkpad.conversations.forms import MessageForm, StartForm
from werkpad.conversations.models import Conversation
from werkpad.core.decorators import role_required
from werkpad.core.errors import AccessError, DomainError
from werkpad.core.forms import show_refusal
from werkpad.core.models import AuditEvent
from werkpad.core.permissions import Role
from werkpad.jobseekers import selectors as jobseeker_selectors

PURPOSE = AuditEvent.Purpose.CONVERSATION
OWN_PURPOSE = AuditEvent.Purpose.OWN_CONVERSATION

staff_only = role_required(Role.CASEWORKER, Role.COACH)
caseworker_only = role_required(Role.CASEWORKER)
job_seeker_only = role_required(Role.JOB_SEEKER)
#: A job seeker's own thread: anyone else finds no such page (404).
_own_only = role_required(Role.JOB_SEEKER, others=Http404)


def _thread(request, conversation: Conversation, template: str, *, form=None, status=200):
    user = request.user
    thread = list(selectors.conversation_messages(conversation=conversation))
    if request.method == "GET":
        services.conversation_mark_read(user=user, conversation=conversation)
    can_write = user.has_perm("conversations.write", conversation)
    return render(
        request,
        template,
        {
            "c": conversation,
            "thread": thread,
            "readable": selectors.readable_attachments(user=user, thread=thread),
            "form": (form or MessageForm()) if can_write else None,
            "may_join": user.has_perm("conversations.join", conversation)
            and not selectors.has_joined(user=user, conversation=conversation),
        },
        status=status,
    )


def _answer(request, id: int, *, purpose: str, template: str, back: str):
    conversation = selectors.conversation_get(
        user=request.user, id=id, purpose=purpose, for_action="write"
    )
    form = MessageForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.message_send(
                user=request.user,
                conversation_id=id,
                body=form.cleaned_data["body"],
                attachment=form.attached(),
            )
        except AccessError:
            raise
        except DomainError as error:
            show_refusal(form, error)
            return _thread(request, conversation, template, form=form, status=error.status)
        messages.success(request, _("Your message is sent."))
        return redirect(back, id=id)
    return _thread(request, conversation, template, form=form, status=400)


def _start(request, *, job_seeker_id: int, own: bool, purpose: str, template: str, back: str):
    job_seeker, choices = selectors.conversation_targets(
        user=request.user, job_seeker_id=job_seeker_id, own=own, purpose=purpose
    )
    form = StartForm(request.POST or None, request.FILES or None, choices=choices)
    if request.method == "POST" and form.is_valid():
        try:
            message = services.message_start(
                user=request.user,
                job_seeker_id=job_seeker.pk,
                trajectory_id=form.trajectory_id(),
                body=form.cleaned_data["body"],
                attachment=form.attached(),
            )
        except AccessError:
            raise
        except DomainError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("Your message is sent."))
            return redirect(back, id=message.conversation_id)
    return render(
        request,
        template,
        {"form": form, "js": job_seeker},
        status=400 if request.method == "POST" else 200,
    )


@staff_only
def conversation_list(request):
    queryset = selectors.conversation_list(user=request.user, purpose=PURPOSE)
    page = Paginator(queryset, 25).get_page(request.GET.get("page"))
    return render(request, "conversations/list.html", {"page": page})


@staff_only
def conversation_start(request, job_seeker_id: int):
    return _start(
        request,
        job_seeker_id=job_seeker_id,
        own=False,
        purpose=PURPOSE,
        template="conversations/start.html",
        back="conversations:detail",
    )


@staff_only
def conversation_detail(request, id: int):
    if request.method == "POST":
        return _answer(
            request,
            id,
            purpose=PURPOSE,
            template="conversations/detail.html",
            back="conversations:detail",
        )
    conversation = selectors.conversation_get(user=request.user, id=id, purpose=PURPOSE)
    return _thread(request, conversation, "conversations/detail.html")


@require_POST
@caseworker_only
def conversation_join(request, id: int):
    selectors.conversation_get(user=request.user, id=id, purpose=PURPOSE, for_action="join")
    services.conversation_join(user=request.user, conversation_id=id)
    messages.success(request, _("You joined the conversation."))
    return redirect("conversations:detail", id=id)


# --- the job seeker's own pages ---------------------------------------------------------


@job_seeker_only
def my_list(request):
    job_seeker = jobseeker_selectors.jobseeker_get_own(user=request.user)
    return render(
        request,
        "conversations/mine.html",
        {
            "conversations": selectors.job_seeker_conversations(
                user=request.user, job_seeker_id=job_seeker.pk
            ),
            "js": job_seeker,
        },
    )


@job_seeker_only
def my_start(request):
    job_seeker = jobseeker_selectors.jobseeker_get_own(user=request.user)
    return _start(
        request,
        job_seeker_id=job_seeker.pk,
        own=True,
        purpose=OWN_PURPOSE,
        template="conversations/my_start.html",
        back="myconversations:detail",
    )


@_own_only
def my_detail(request, id: int):
    if request.method == "POST":
        return _answer(
            request,
            id,
            purpose=OWN_PURPOSE,
            template="conversations/my_detail.html",
            back="myconversations:detail",
        )
    conversation = selectors.conversation_get(user=request.user, id=id, purpose=OWN_PURPOSE)
    return _thread(request, conversation, "conversations/my_detail.html")
