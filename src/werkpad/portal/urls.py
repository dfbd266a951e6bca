from django.urls import path

from werkpad.portal import views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("inzage/", views.access_log, name="access-log"),
]
