from django.urls import path

from werkpad.employers import views

app_name = "employers"

urlpatterns = [
    path("", views.employer_list, name="list"),
    path("nieuw/", views.employer_create, name="create"),
    path("vraag/", views.employer_demand, name="demand"),
    path("<int:id>/", views.employer_detail, name="detail"),
    path("<int:id>/bewerken/", views.employer_edit, name="edit"),
]
