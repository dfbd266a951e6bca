"""The candidate file for employers, under /kandidaten/."""

from django.urls import path

from werkpad.matching import views

app_name = "candidates"

urlpatterns = [
    path("", views.candidate_list, name="list"),
    path("kennismakingen/<int:id>/", views.introduction_detail, name="introduction"),
    path(
        "kennismakingen/<int:id>/intrekken/",
        views.introduction_withdraw,
        name="introduction-withdraw",
    ),
    path("<str:pseudonym>/", views.candidate_detail, name="detail"),
]
