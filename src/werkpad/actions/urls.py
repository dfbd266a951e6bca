from django.urls import path

from werkpad.actions import views

app_name = "actions"

urlpatterns = [
    path("", views.action_list, name="list"),
    path("<int:id>/", views.action_detail, name="detail"),
    path("<int:id>/klaar/", views.action_complete, name="complete"),
    path("<int:id>/goedkeuring/", views.action_approve, name="approve"),
    path("<int:id>/annulering/", views.action_cancel, name="cancel"),
    path("plan/<int:plan_id>/nieuw/", views.plan_action_create, name="plan-create"),
    path(
        "plan/<int:plan_id>/uit-afspraken/",
        views.plan_actions_from_activities,
        name="plan-activities",
    ),
    path("plan/<int:plan_id>/goedkeuring/", views.plan_approval_setting, name="plan-approval"),
    path(
        "traject/<int:trajectory_id>/nieuw/",
        views.trajectory_action_create,
        name="trajectory-create",
    ),
    path("sjablonen/", views.template_list, name="templates"),
    path("sjablonen/<int:id>/", views.template_edit, name="template-edit"),
]
