from django.urls import path

from werkpad.insights import views

app_name = "insights"

urlpatterns = [
    path("samenstelling/", views.composition, name="composition"),
    path("hiaten/", views.gaps, name="gaps"),
    path("verwijzingen/", views.concentration, name="concentration"),
]
