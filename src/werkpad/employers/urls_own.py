"""The employer's own pages, under /werkgever/."""

from django.urls import path

from werkpad.employers import views

app_name = "myemployer"

urlpatterns = [
    path("", views.own_home, name="home"),
    path("vacatures/nieuw/", views.own_report, name="report"),
    path("vacatures/<int:id>/", views.own_detail, name="detail"),
    path("vacatures/<int:id>/intrekking/", views.own_withdraw, name="withdraw"),
]
