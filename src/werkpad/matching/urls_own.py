"""The job seeker's introduction requests, under /mijn/kennismakingen/."""

from django.urls import path

from werkpad.matching import views

app_name = "myintroductions"

urlpatterns = [
    path("", views.my_list, name="list"),
    path("<int:id>/antwoord/", views.my_answer, name="answer"),
]
