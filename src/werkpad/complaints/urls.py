from django.urls import path

from werkpad.complaints import views

app_name = "complaints"

urlpatterns = [
    path("mijn/klachten/", views.own_list, name="own-list"),
    path("mijn/klachten/nieuw/", views.own_file, name="own-file"),
    path("mijn/klachten/<int:id>/", views.own_detail, name="own-detail"),
    path(
        "mijn/klachten/<int:id>/niet-tevreden/",
        views.own_dissatisfied,
        name="own-dissatisfied",
    ),
    path("werkgever/klachten/", views.employer_list, name="employer-list"),
    path("werkgever/klachten/nieuw/", views.employer_file, name="employer-file"),
    path("werkgever/klachten/<int:id>/", views.employer_detail, name="employer-detail"),
    path(
        "werkgever/klachten/<int:id>/niet-tevreden/",
        views.employer_dissatisfied,
        name="employer-dissatisfied",
    ),
    path("klachten/", views.complaint_list, name="list"),
    path("klachten/nieuw/", views.file_on_behalf, name="file-on-behalf"),
    path("klachten/jaaroverzicht/", views.year_overview, name="overview"),
    path("klachten/routering/", views.routing_rules, name="routing"),
    path("klachten/lessen/", views.lessons, name="lessons"),
    path("klachten/<int:id>/", views.complaint_detail, name="detail"),
    path("klachten/<int:id>/stap/<slug:step>/", views.complaint_step, name="step"),
    path("klachten/<int:id>/brieven/<slug:kind>/", views.letter, name="letter"),
]
