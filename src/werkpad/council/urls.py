from django.urls import path

app_name = "council"

urlpatterns: list = []

# --- results reports (CO2) ---
from werkpad.council.reports import views as report_views  # noqa: E402

urlpatterns += [
    path("rapportages/", report_views.report_list, name="reports"),
    path("rapportages/nieuw/", report_views.report_create, name="report-create"),
    path("rapportages/<int:id>/", report_views.report_detail, name="report-detail"),
    path("rapportages/<int:id>/notities/", report_views.report_notes, name="report-notes"),
    path("rapportages/<int:id>/publiceren/", report_views.report_publish, name="report-publish"),
    path(
        "rapportages/<int:id>/export.<str:format>",
        report_views.report_export,
        name="report-export",
    ),
]
