from django.urls import path

from werkpad.council.assessments import views as assessments

app_name = "council"

urlpatterns: list = [
    # assessments with the LCR checklist (CO3)
    path("beoordelingen/", assessments.assessment_list, name="assessment-list"),
    path("beoordelingen/nieuw/", assessments.assessment_create, name="assessment-create"),
    path("beoordelingen/regio/", assessments.regional_overview, name="assessment-region"),
    path("beoordelingen/<int:id>/", assessments.assessment_detail, name="assessment-detail"),
    path(
        "beoordelingen/<int:id>/punt/<int:number>/",
        assessments.assessment_point,
        name="assessment-point",
    ),
    path(
        "beoordelingen/<int:id>/definitief/",
        assessments.assessment_finalise,
        name="assessment-finalise",
    ),
    path("beoordelingen/<int:id>/delen/", assessments.assessment_share, name="assessment-share"),
    path(
        "beoordelingen/<int:id>/vergelijking/",
        assessments.assessment_compare,
        name="assessment-compare",
    ),
    path(
        "beoordelingen/<int:id>/export/<str:kind>/",
        assessments.assessment_export,
        name="assessment-export",
    ),
]
