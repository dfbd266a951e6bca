from django.urls import path

from werkpad.surveys import views

app_name = "surveys"

urlpatterns = [
    path("", views.survey_list, name="list"),
    path("nieuw/", views.survey_create, name="create"),
    path("uitnodigingen/", views.own_employer, name="own-employer"),
    path("antwoord/<str:token>/", views.answer, name="answer"),
    path("<int:id>/", views.survey_detail, name="detail"),
    path("<int:id>/bewerken/", views.survey_edit, name="edit"),
    path("<int:id>/vragen/", views.question_add, name="question-add"),
    path(
        "<int:id>/vragen/<int:question_id>/verwijderen/",
        views.question_remove,
        name="question-remove",
    ),
    path("<int:id>/voorstellen/", views.survey_propose, name="propose"),
    path("<int:id>/goedkeuren/", views.survey_approve, name="approve"),
    path("<int:id>/terugsturen/", views.survey_return, name="return"),
    path("<int:id>/intrekken/", views.survey_withdraw, name="withdraw"),
    path("<int:id>/openen/", views.survey_open, name="open"),
    path("<int:id>/sluiten/", views.survey_close, name="close"),
    path("<int:id>/resultaten/", views.survey_results, name="results"),
]
