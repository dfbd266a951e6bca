"""The job seeker's own documents, under /mijn/documenten/."""

from django.urls import path

from werkpad.documents import views

app_name = "mydocuments"

urlpatterns = [
    path("", views.my_documents, name="list"),
]
