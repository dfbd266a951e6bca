from django.urls import path

from werkpad.conversations import views

app_name = "conversations"

urlpatterns = [
    path("", views.conversation_list, name="list"),
    path("nieuw/<int:job_seeker_id>/", views.conversation_start, name="start"),
    path("<int:id>/", views.conversation_detail, name="detail"),
    path("<int:id>/aansluiten/", views.conversation_join, name="join"),
]
