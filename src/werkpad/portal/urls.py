from django.urls import path

from werkpad.portal import views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("inzage/", views.access_log, name="access-log"),
    path("rechten/", views.rights, name="rights"),
    path("klagen/", views.complaints, name="complaints"),
    path("onafhankelijk-advies/", views.second_opinion, name="second-opinion"),
    path("bemiddeling/", views.mediation, name="mediation"),
    path("ingediend/", views.filed, name="filed"),
]
