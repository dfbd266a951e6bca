from django.urls import path

from werkpad.grants import views

app_name = "grants"

urlpatterns = [
    path("budgetten/", views.budget_list, name="budgets"),
    path("budgetten/<int:year>/<int:instrument_id>/", views.budget_set, name="budget-set"),
    path("subsidies/nieuw/<int:job_seeker_id>/", views.grant_create, name="create"),
    path("subsidies/<int:id>/intrekken/", views.grant_cancel, name="cancel"),
]
