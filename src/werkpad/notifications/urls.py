from django.urls import path

from werkpad.notifications import views

app_name = "notifications"

urlpatterns = [
    path("", views.notification_list, name="list"),
    path("<int:id>/", views.notification_open, name="open"),
    path("gelezen/", views.notification_read_all, name="read-all"),
    path("voorkeuren/", views.preferences, name="preferences"),
]
