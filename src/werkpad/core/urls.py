from django.urls import path

from werkpad.core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("toegankelijkheid/", views.accessibility, name="accessibility"),
    path("privacy/", views.privacy, name="privacy"),
    path("minimumloon/", views.minimum_wage, name="minimum-wage"),
    path("instellingen/", views.municipality_settings_index, name="municipality-settings-index"),
    path("instellingen/<int:id>/", views.municipality_settings, name="municipality-settings"),
]
