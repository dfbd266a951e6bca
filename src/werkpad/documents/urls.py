from django.urls import path

from werkpad.documents import views

app_name = "documents"

urlpatterns = [
    path("toevoegen/<int:job_seeker_id>/", views.upload, name="upload"),
    path("<int:id>/download/", views.download, name="download"),
]
