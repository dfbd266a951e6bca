"""The job seeker's own plan, under /mijn/plan/."""

from django.urls import path

from werkpad.plans import views

app_name = "myplan"

urlpatterns = [
    path("", views.my_plan, name="plan"),
    path("akkoord/", views.my_plan_agree, name="agree"),
    path("niet-akkoord/", views.my_plan_disagree, name="disagree"),
    path("opmerking/", views.my_plan_comment, name="comment"),
]
