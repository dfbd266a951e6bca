"""The regional vacancy file, under /vacatures/."""

from django.urls import path

from werkpad.employers import views

app_name = "vacancies"

urlpatterns = [
    path("", views.vacancy_list, name="list"),
    path("nieuw/", views.vacancy_create, name="create"),
    path("importeren/", views.vacancy_import, name="import"),
    path("<int:id>/", views.vacancy_detail, name="detail"),
    path("<int:id>/antwoord/", views.vacancy_answer, name="answer"),
    path("<int:id>/bericht/", views.vacancy_update, name="update"),
    path("<int:id>/vervuld/", views.vacancy_fill, name="fill"),
    path("<int:id>/niet-vervuld/", views.vacancy_close, name="close"),
    path("<int:id>/intrekking/", views.vacancy_withdraw, name="withdraw"),
]
