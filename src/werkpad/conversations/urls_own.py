"""The job seeker's own messages, under /mijn/berichten/."""

from django.urls import path

from werkpad.conversations import views

app_name = "myconversations"

urlpatterns = [
    path("", views.my_list, name="list"),
    path("nieuw/", views.my_start, name="start"),
    path("<int:id>/", views.my_detail, name="detail"),
]
