"""The insights' pages: the composition, the gaps and the referral concentration under
/inzicht/, and the programmes that fit one job seeker, on their file's address."""

from django.urls import path

from werkpad.insights import fit_views, views

app_name = "insights"

urlpatterns = [
    path("inzicht/samenstelling/", views.composition, name="composition"),
    path("inzicht/hiaten/", views.gaps, name="gaps"),
    path("inzicht/verwijzingen/", views.concentration, name="concentration"),
    path(
        "werkzoekenden/<int:id>/passend-aanbod/",
        fit_views.programme_fit,
        name="programme-fit",
    ),
]
