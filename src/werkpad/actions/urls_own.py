"""The job seeker's own actions, under /mijn/acties/."""

from django.urls import path

from werkpad.actions import views

app_name = "myactions"

urlpatterns = [
    path("", views.my_list, name="list"),
    path("<int:id>/klaar/", views.my_complete, name="complete"),
    path("<int:id>/goedkeuring/", views.my_approve, name="approve"),
]
