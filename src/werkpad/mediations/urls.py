from django.urls import path

from werkpad.mediations import views

app_name = "mediations"

urlpatterns = [
    path("", views.mediation_list, name="list"),
    path("aanvragen/<int:job_seeker_id>/", views.mediation_request, name="request"),
    path("<int:id>/", views.mediation_detail, name="detail"),
    path("<int:id>/bemiddelaar/", views.mediation_appoint, name="appoint"),
    path("<int:id>/gesprek/", views.mediation_session, name="session"),
    path("<int:id>/uitkomst/", views.mediation_conclude, name="conclude"),
    path("<int:id>/intrekking/", views.mediation_withdraw, name="withdraw"),
]
