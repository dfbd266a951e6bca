from django.urls import path

from werkpad.council.advice import views as advice
from werkpad.council.assessments import views as assessments
from werkpad.council.reports import views as reports

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
    # results reports to the council (CO2)
    path("rapportages/", reports.report_list, name="reports"),
    path("rapportages/nieuw/", reports.report_create, name="report-create"),
    path("rapportages/<int:id>/", reports.report_detail, name="report-detail"),
    path("rapportages/<int:id>/notities/", reports.report_notes, name="report-notes"),
    path("rapportages/<int:id>/publiceren/", reports.report_publish, name="report-publish"),
    path("rapportages/<int:id>/export.<str:format>", reports.report_export, name="report-export"),
    # Advice requests (CO1).
    path("adviezen/", advice.advice_list, name="advice-list"),
    path("adviezen/nieuw/", advice.advice_create, name="advice-create"),
    path("adviezen/ongevraagd/", advice.advice_unasked, name="advice-unasked"),
    path("adviezen/<int:id>/", advice.advice_detail, name="advice-detail"),
    path("adviezen/<int:id>/versturen/", advice.advice_send, name="advice-send"),
    path("adviezen/<int:id>/intrekken/", advice.advice_withdraw, name="advice-withdraw"),
    path("adviezen/<int:id>/documenten/", advice.advice_attach, name="advice-attach"),
    path(
        "adviezen/<int:id>/documenten/<int:attachment_id>/",
        advice.advice_attachment,
        name="advice-attachment",
    ),
    path("adviezen/<int:id>/advies/", advice.advice_write, name="advice-write"),
    path("adviezen/<int:id>/uitstel/", advice.advice_extension, name="advice-extension"),
    path(
        "adviezen/<int:id>/uitstel/besluit/",
        advice.advice_extension_decision,
        name="advice-extension-decision",
    ),
    path("adviezen/<int:id>/reactie/", advice.advice_respond, name="advice-respond"),
]
