"""The job seeker's own mediations, under /mijn/bemiddelingen/."""

from django.urls import path

from werkpad.mediations import views

app_name = "mymediations"

urlpatterns = [
    path("", views.my_list, name="list"),
    path("aanvragen/", views.my_request, name="request"),
    path("<int:id>/", views.my_detail, name="detail"),
    path("<int:id>/intrekken/", views.my_withdraw, name="withdraw"),
]
