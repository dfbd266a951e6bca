from django.urls import path

from werkpad.trajectories import views

app_name = "trajectories"

urlpatterns = [
    path("", views.trajectory_list, name="list"),
    path("aanmelden/<int:job_seeker_id>/", views.trajectory_refer, name="refer"),
    path("<int:id>/", views.trajectory_detail, name="detail"),
    path("<int:id>/rapportage/", views.progress_report_create, name="report"),
    path("<int:id>/afronden/", views.trajectory_complete, name="complete"),
    path("<int:id>/evaluatie/", views.trajectory_evaluate, name="evaluate"),
    path("<int:id>/<slug:action>/", views.trajectory_action, name="action"),
]
