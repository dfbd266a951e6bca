"""/api/v1: every route of the API, without trailing slashes."""

from django.urls import path
from drf_spectacular.renderers import OpenApiJsonRenderer, OpenApiJsonRenderer2
from drf_spectacular.views import SpectacularAPIView

from werkpad.insights.api import CompositionView
from werkpad.jobseekers.api import (
    AccessLogView,
    JobSeekerBsnLookupView,
    JobSeekerDetailView,
    JobSeekerListView,
    ProfileReviewView,
)


class OpenApiView(SpectacularAPIView):
    """The OpenAPI document, public (no login) and always JSON."""

    authentication_classes: list = []
    permission_classes: list = []
    schema = None  # the document does not describe itself
    renderer_classes = [OpenApiJsonRenderer, OpenApiJsonRenderer2]


urlpatterns = [
    path("openapi.json", OpenApiView.as_view(), name="openapi"),
    path("job-seekers", JobSeekerListView.as_view(), name="job-seeker-list"),
    path("job-seekers/lookup", JobSeekerBsnLookupView.as_view(), name="job-seeker-lookup"),
    path("job-seekers/<int:id>", JobSeekerDetailView.as_view(), name="job-seeker-detail"),
    path(
        "job-seekers/<int:id>/profile-review",
        ProfileReviewView.as_view(),
        name="job-seeker-profile-review",
    ),
    path("job-seekers/<int:id>/access-log", AccessLogView.as_view(), name="job-seeker-access-log"),
    path("insights/composition", CompositionView.as_view(), name="composition"),
]
