"""The job seeker's own second opinions, under /mijn/adviezen/."""

from django.urls import path

from werkpad.secondopinions import views

app_name = "mysecondopinions"

urlpatterns = [
    path("", views.my_list, name="list"),
    path("aanvragen/", views.my_request, name="request"),
    path("<int:id>/", views.my_detail, name="detail"),
    path("<int:id>/andere-deskundige/", views.my_other_expert, name="other-expert"),
    path("<int:id>/intrekken/", views.my_withdraw, name="withdraw"),
]
