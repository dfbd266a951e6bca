from django.urls import path

from werkpad.matching import views

app_name = "matching"

urlpatterns = [
    path("profiel/<int:job_seeker_id>/", views.profile_edit, name="profile"),
    path("profiel/<int:job_seeker_id>/bevestigen/", views.profile_confirm, name="profile-confirm"),
    path("vacatures/", views.vacancy_list, name="vacancies"),
    path(
        "vacatures/<int:vacancy_id>/kandidaten/",
        views.vacancy_candidates,
        name="vacancy-candidates",
    ),
    path("vacatures/<int:vacancy_id>/voordracht/", views.preselect, name="preselect"),
    path(
        "werkzoekenden/<int:job_seeker_id>/vacatures/",
        views.job_seeker_vacancies,
        name="job-seeker-vacancies",
    ),
    path("marktplan/", views.market_plan, name="market-plan"),
    path("kennismakingen/", views.introduction_overview, name="introductions"),
]
