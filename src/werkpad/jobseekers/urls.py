from django.urls import path

from werkpad.jobseekers import views

app_name = "jobseekers"

urlpatterns = [
    path("", views.job_seeker_list, name="list"),
    path("nieuw/", views.job_seeker_create, name="create"),
    path("bsn/", views.job_seeker_bsn_lookup, name="bsn-lookup"),
    path("<int:id>/", views.job_seeker_detail, name="detail"),
    path("<int:id>/wijzigen/", views.job_seeker_edit, name="edit"),
    path("<int:id>/profiel-beoordeeld/", views.job_seeker_profile_review, name="profile-review"),
    path("<int:id>/uitstroom/", views.job_seeker_outflow, name="outflow"),
    path("<int:id>/terug-in-bestand/", views.job_seeker_reentry, name="reentry"),
    path("<int:id>/inzage/", views.job_seeker_access_log, name="access-log"),
]
