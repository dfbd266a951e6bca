"""/api/v1: a plan's and a trajectory's agreed actions, one action, and its completion,
approval and cancellation as named sub-resources (WT1)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response

from werkpad.actions import selectors, services
from werkpad.actions.serializers import (
    ActionApprovalSerializer,
    ActionCancellationSerializer,
    ActionCompletionSerializer,
    ActionCreateSerializer,
    ActionSerializer,
)
from werkpad.core.api import ActionFamily, ApiView, ListApiView
from werkpad.core.models import AuditEvent

TAGS = ["actions"]
PURPOSE = AuditEvent.Purpose.ACTIONS_API
ID_PARAM = OpenApiParameter("id", int, OpenApiParameter.PATH, description="The action's id.")
PLAN_PARAM = OpenApiParameter("id", int, OpenApiParameter.PATH, description="The plan's id.")
TRAJECTORY_PARAM = OpenApiParameter(
    "id", int, OpenApiParameter.PATH, description="The trajectory's id."
)


def _detail(request, id: int) -> Response:
    action = selectors.action_get(user=request.user, id=id, purpose=PURPOSE)
    return Response(ActionSerializer(action).data)


class _ParentActionsView(ListApiView):
    """The actions of one plan or trajectory (GET), and a new one there (POST)."""

    schema_tags = TAGS
    serializer_class = ActionSerializer
    filter_backends: list = []
    schema_write_errors = {404: "No plan or trajectory with this id is visible to you."}
    parent: str
    read: Callable[..., Any]

    def _list(self, request, id: int) -> Response:
        _parent, actions = type(self).read(user=request.user, **{self.parent: id}, purpose=PURPOSE)
        page = self.paginate_queryset(actions)
        return self.get_paginated_response(ActionSerializer(page, many=True).data)

    def _create(self, request, id: int) -> Response:
        serializer = ActionCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        action = services.action_create(
            user=request.user,
            description=data["description"],
            owner=data["owner"],
            due_on=data["dueOn"],
            **{self.parent: id},
        )
        response = _detail(request, action.pk)
        response.status_code = 201
        return response


class PlanActionListView(_ParentActionsView):
    parent = "plan_id"
    read = staticmethod(selectors.plan_actions_get)

    @extend_schema(
        operation_id="planActionList",
        summary="The agreed actions of a plan",
        description="For the caseworkers of the municipality and the job seeker (once the "
        "plan was shared with them); the earliest due first.",
        parameters=[PLAN_PARAM],
        responses={200: ActionSerializer(many=True)},
    )
    def get(self, request, id: int):
        return self._list(request, id)

    @extend_schema(
        operation_id="planActionCreate",
        summary="Agree an action on a plan",
        description="By a caseworker of the municipality. Whether done waits for approval "
        "is copied from the plan.",
        parameters=[PLAN_PARAM],
        request=ActionCreateSerializer,
        responses={201: ActionSerializer},
    )
    def post(self, request, id: int):
        return self._create(request, id)


class TrajectoryActionListView(_ParentActionsView):
    parent = "trajectory_id"
    read = staticmethod(selectors.trajectory_actions_get)

    @extend_schema(
        operation_id="trajectoryActionList",
        summary="The agreed actions of a trajectory",
        description="For the caseworkers, the job seeker, and the provider's coaches while "
        "it runs; the earliest due first.",
        parameters=[TRAJECTORY_PARAM],
        responses={200: ActionSerializer(many=True)},
    )
    def get(self, request, id: int):
        return self._list(request, id)

    @extend_schema(
        operation_id="trajectoryActionCreate",
        summary="Agree an action on a trajectory",
        description="By a caseworker, or a coach of the provider while it runs.",
        parameters=[TRAJECTORY_PARAM],
        request=ActionCreateSerializer,
        responses={201: ActionSerializer},
    )
    def post(self, request, id: int):
        return self._create(request, id)


class ActionDetailView(ApiView):
    schema_tags = TAGS

    @extend_schema(
        operation_id="actionRead",
        summary="Read an agreed action",
        parameters=[ID_PARAM],
        responses={200: ActionSerializer},
    )
    def get(self, request, id: int):
        return _detail(request, id)


_action_view = ActionFamily(
    tags=TAGS, detail=_detail, response=ActionSerializer, parameters=[ID_PARAM]
).view

CompletionView = _action_view(
    "actionComplete",
    serializer=ActionCompletionSerializer,
    summary="Mark the action done",
    description="By whoever does it. Where the plan says so it then awaits the other "
    "party's approval.",
    call=lambda user, id, d: services.action_complete(
        user=user, action_id=id, expected_version=d["version"]
    ),
)
ApprovalView = _action_view(
    "actionApprove",
    serializer=ActionApprovalSerializer,
    summary="Approve an action marked done, or send it back",
    description="By the other party: the caseworker or coach for the job seeker's action, "
    "the job seeker for the others'.",
    call=lambda user, id, d: services.action_approve(
        user=user,
        action_id=id,
        approved=d["approved"],
        reason=d["reason"],
        expected_version=d["version"],
    ),
)
CancellationView = _action_view(
    "actionCancel",
    serializer=ActionCancellationSerializer,
    summary="Cancel the action",
    description="By a caseworker, or a coach of the running trajectory, with the reason.",
    call=lambda user, id, d: services.action_cancel(
        user=user, action_id=id, reason=d["reason"], expected_version=d["version"]
    ),
)
