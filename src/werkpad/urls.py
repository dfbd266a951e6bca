from django.shortcuts import render
from django.urls import include, path

from werkpad.core.api import TOO_LARGE, problem_response
from werkpad.core.middleware import API_PREFIX

urlpatterns = [
    path("api/v1/", include((("werkpad.api_urls"), "api"), namespace="api")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("werkpad.accounts.urls")),
    path("werkzoekenden/", include("werkpad.jobseekers.urls")),
    path("", include("werkpad.insights.urls")),
    path("plannen/", include("werkpad.plans.urls")),
    path("mijn/plan/", include("werkpad.plans.urls_own")),
    path("mijn/adviezen/", include("werkpad.secondopinions.urls_own")),
    path("mijn/bemiddelingen/", include("werkpad.mediations.urls_own")),
    path("mijn/berichten/", include("werkpad.conversations.urls_own")),
    path("mijn/documenten/", include("werkpad.documents.urls_own")),
    path("mijn/acties/", include("werkpad.actions.urls_own")),
    path("mijn/kennismakingen/", include("werkpad.matching.urls_own")),
    path("mijn/enquetes/", include("werkpad.surveys.urls_own")),
    path("", include("werkpad.complaints.urls")),
    path("mijn/", include("werkpad.portal.urls")),
    path("trajecten/", include("werkpad.trajectories.urls")),
    path("adviezen/", include("werkpad.secondopinions.urls")),
    path("bemiddelingen/", include("werkpad.mediations.urls")),
    path("documenten/", include("werkpad.documents.urls")),
    path("acties/", include("werkpad.actions.urls")),
    path("werkgevers/", include("werkpad.employers.urls")),
    path("vacatures/", include("werkpad.employers.urls_vacancies")),
    path("werkgever/", include("werkpad.employers.urls_own")),
    path("matching/", include("werkpad.matching.urls")),
    path("kandidaten/", include("werkpad.matching.urls_candidates")),
    path("toestemming/", include("werkpad.consents.urls")),
    path("meldingen/", include("werkpad.notifications.urls")),
    path("berichten/", include("werkpad.conversations.urls")),
    path("", include("werkpad.grants.urls")),
    path("plaatsingen/", include("werkpad.placements.urls")),
    path("raad/", include("werkpad.council.urls")),
    path("enquetes/", include("werkpad.surveys.urls")),
    path("", include("werkpad.providers.urls")),
    path("", include("werkpad.core.urls")),
]


def handler400(request, exception=None):
    """A request Django refused before any view read it: a body over
    DATA_UPLOAD_MAX_MEMORY_SIZE or with too many fields is 413, anything else 400."""
    status = 413 if isinstance(exception, TOO_LARGE) else 400
    if request.path.startswith(API_PREFIX):
        return problem_response(request, status)
    return render(request, "400.html", {"too_large": status == 413}, status=status)


def handler404(request, exception=None):
    if request.path.startswith(API_PREFIX):
        return problem_response(request, 404)
    from django.views.defaults import page_not_found

    return page_not_found(request, exception, template_name="404.html")


def handler500(request):
    if request.path.startswith(API_PREFIX):
        return problem_response(request, 500)
    from django.views.defaults import server_error

    return server_error(request, template_name="500.html")
