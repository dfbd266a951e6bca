"""The user's notifications (a list, each opening its object) and their e-mail choices."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from werkpad.notifications import selectors, services
from werkpad.notifications.forms import EmailPreferencesForm

PAGE_SIZE = 25


@login_required
def notification_list(request):
    unread = request.GET.get("unread") == "true"
    queryset = selectors.notification_list(user=request.user, unread=True if unread else None)
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "notifications/list.html",
        {"page": page, "unread_only": unread},
    )


@login_required
def notification_open(request, id: int):
    """Mark the notification read and go to what it is about."""
    notification = services.notification_mark_read(user=request.user, notification_id=id)
    if not url_has_allowed_host_and_scheme(notification.url, allowed_hosts=None):
        return redirect("notifications:list")
    return redirect(notification.url)


@login_required
@require_POST
def notification_read_all(request):
    count = services.notification_mark_all_read(user=request.user)
    if count:
        messages.success(request, _("Every notification is marked as read."))
    return redirect("notifications:list")


@login_required
def preferences(request):
    current = selectors.email_preferences(user=request.user)
    form = EmailPreferencesForm(request.POST or None, initial=current)
    if request.method == "POST" and form.is_valid():
        services.email_preferences_set(user=request.user, email=form.cleaned_data)
        messages.success(request, _("Your e-mail choices are saved."))
        return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form})
