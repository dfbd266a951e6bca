from django.urls import path

from werkpad.consents import views

app_name = "consents"

urlpatterns = [
    path("<int:job_seeker_id>/vastleggen/", views.consent_record, name="record"),
]
