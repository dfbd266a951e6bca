"""The job seeker's own surveys, under /mijn/enquetes/."""

from django.urls import path

from werkpad.surveys import views

app_name = "mysurveys"

urlpatterns = [
    path("", views.own_job_seeker, name="list"),
]
