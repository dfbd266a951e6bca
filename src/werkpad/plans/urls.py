from django.urls import path

from werkpad.plans import views

app_name = "plans"

urlpatterns = [
    path("", views.plan_list, name="list"),
    path("nieuw/<int:job_seeker_id>/", views.plan_create, name="create"),
    path("<int:id>/", views.plan_detail, name="detail"),
    path("<int:id>/wijzigen/", views.plan_edit, name="edit"),
    path("<int:id>/voorleggen/", views.plan_propose, name="propose"),
    path("<int:id>/terugnemen/", views.plan_withdraw, name="withdraw"),
    path("<int:id>/nieuwe-versie/", views.plan_revise, name="revise"),
    path("<int:id>/evaluatie/", views.plan_review, name="review"),
    path("<int:id>/opmerking/", views.plan_comment, name="comment"),
]
