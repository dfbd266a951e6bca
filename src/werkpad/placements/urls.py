from django.urls import path

from werkpad.placements import views

app_name = "placements"

urlpatterns = [
    path("", views.placement_list, name="list"),
    path("nieuw/<int:job_seeker_id>/", views.placement_create, name="create"),
    path("<int:id>/", views.placement_detail, name="detail"),
    path("<int:id>/nazorg/<int:follow_up_id>/", views.follow_up_record, name="follow-up"),
    path("verwijzen/<int:job_seeker_id>/", views.referral_create, name="refer"),
    path("verwijzingen/<int:id>/", views.referral_detail, name="referral"),
    path("verwijzingen/<int:id>/uitslag/", views.referral_result, name="referral-result"),
    path("zelfstandig/<int:job_seeker_id>/", views.self_employment_create, name="self-employment"),
]
