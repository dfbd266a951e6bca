"""The API's shared conventions (NL GOV API Design Rules).

* errors are ``application/problem+json`` (RFC 9457) with ``status``, ``title``,
  ``detail`` and, for validation errors, ``invalidParams`` naming every bad field;
* unknown request fields are refused, never dropped (``StrictSerializer``);
* lists answer ``{count, next, previous, results}`` and take ``page`` and
  ``pageSize`` (at most 100);
* unknown query keys are refused too (``StrictQueryMixin``, the base of every
  API view), and every integer, in a query or a body, is checked against the
  range of a 64-bit database integer before it reaches a query;
* a body nested deeper than ``MAX_JSON_DEPTH`` is refused (400), a body over
  ``DATA_UPLOAD_MAX_MEMORY_SIZE`` answers 413;
* the OpenAPI document documents all of the above on every operation.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar

from django.conf import settings
from django.core.exceptions import (
    PermissionDenied,
    RequestDataTooBig,
    TooManyFieldsSent,
    TooManyFilesSent,
)
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404, HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import exceptions, generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework.views import exception_handler as drf_exception_handler

from werkpad.core.errors import DomainError, InvalidInputError
from werkpad.core.filters import MAX_INT64, MIN_INT64
from werkpad.core.parsers import MAX_JSON_DEPTH
from werkpad.core.privacy import is_forbidden_attribute
from werkpad.core.text import (
    EMAIL_MAX_LENGTH,
    LINE_MAX_LENGTH,
    TEXT_MAX_LENGTH,
    URL_MAX_LENGTH,
    validate_one_line,
    validate_web_address,
)

if TYPE_CHECKING:
    from drf_spectacular.generators import SchemaGenerator
    from drf_spectacular.utils import _SerializerType
    from rest_framework.exceptions import _Detail

#: A serializer field of any kind.
AnyField: TypeAlias = serializers.Field[Any, Any, Any, Any]
_Instance = TypeVar("_Instance")
_Model = TypeVar("_Model", bound=models.Model)

PROBLEM = "application/problem+json"
#: An id in a query, as the OpenAPI document declares it.
ID_QUERY_SCHEMA = {"type": "integer", "format": "int64", "minimum": 1, "maximum": MAX_INT64}
#: What a body too large for the server is called, wherever Django notices it.
TOO_LARGE = (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent)


def _bound_integers(field: AnyField | None) -> None:
    """Give every integer in ``field`` (a list's items, a nested object's fields) the
    range of a 64-bit database integer where it has no narrower one, so that a huge
    number is refused by validation, on SQLite and PostgreSQL alike."""
    if isinstance(field, serializers.IntegerField):
        if field.max_value is None or field.max_value > MAX_INT64:
            field.max_value = MAX_INT64
            message = field.error_messages["max_value"].format(max_value=MAX_INT64)
            field.validators.append(MaxValueValidator(MAX_INT64, message=message))
        if field.min_value is None or field.min_value < MIN_INT64:
            field.min_value = MIN_INT64
            message = field.error_messages["min_value"].format(min_value=MIN_INT64)
            field.validators.append(MinValueValidator(MIN_INT64, message=message))
    elif isinstance(field, (serializers.ListField, serializers.ListSerializer)):
        _bound_integers(field.child)
    elif isinstance(field, serializers.Serializer) and not isinstance(field, StrictSerializer):
        for child in field.fields.values():
            _bound_integers(child)


class StrictSerializer(serializers.Serializer[_Instance]):
    """Refuses fields it does not know, naming each, so a typo never drops data;
    every integer in it is bounded to the range of a 64-bit database integer."""

    def get_fields(self) -> dict[str, AnyField]:
        fields = super().get_fields()
        for field in fields.values():
            _bound_integers(field)
        return fields

    def to_internal_value(self, data: object) -> dict[str, Any]:
        value: dict[str, Any]
        if not isinstance(data, dict):
            value = super().to_internal_value(data)  # refuses it
            return value
        errors: dict[str, _Detail | list[str]] = {}
        for name in sorted(set(data) - set(self.fields)):
            errors[name] = [
                _("werkpad never records this kind of data.")
                if is_forbidden_attribute(name)
                else _("Unknown field.")
            ]
        for name in sorted(set(data) & set(self.fields)):
            if self.fields[name].read_only:
                errors[name] = [_("This field is read-only.")]
        known = {key: value for key, value in data.items() if key not in errors}
        try:
            value = super().to_internal_value(known)
        except serializers.ValidationError as error:
            if not isinstance(error.detail, dict):
                raise
            errors = {**error.detail, **errors}
        if errors:
            raise serializers.ValidationError(errors)
        return value


class LineField(serializers.CharField):
    """One line of text (a name, an address, a place): at most ``max_length`` characters,
    no control characters and no characters that change the writing direction."""

    def __init__(self, *, max_length: int = LINE_MAX_LENGTH, **kwargs: Any) -> None:
        super().__init__(max_length=max_length, **kwargs)
        self.validators.append(validate_one_line)


class ParagraphField(serializers.CharField):
    """Free text of one or more paragraphs, at most ``max_length`` characters."""

    def __init__(self, *, max_length: int = TEXT_MAX_LENGTH, **kwargs: Any) -> None:
        super().__init__(max_length=max_length, **kwargs)


class EmailAddressField(serializers.EmailField):
    def __init__(self, *, max_length: int = EMAIL_MAX_LENGTH, **kwargs: Any) -> None:
        super().__init__(max_length=max_length, **kwargs)


class WebAddressField(serializers.URLField):
    """An http or https address (the framework's own also takes ftp)."""

    def __init__(self, *, max_length: int = URL_MAX_LENGTH, **kwargs: Any) -> None:
        super().__init__(max_length=max_length, **kwargs)
        self.validators[:] = [
            v for v in self.validators if not isinstance(v, type(validate_web_address))
        ] + [validate_web_address]


def camel(name: str) -> str:
    """``ladder_rung`` -> ``ladderRung``: services speak model names, the API camelCase.

    A dotted name is converted part by part (``end_report.hourly_wage`` ->
    ``endReport.hourlyWage``).
    """
    if "." in name:
        return ".".join(camel(part) for part in name.split("."))
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def _flatten(detail: Any, prefix: str = "") -> list[dict[str, str]]:
    """DRF's nested error detail as a flat list of invalidParams."""
    params: list[dict[str, str]] = []
    if isinstance(detail, dict):
        for key, value in detail.items():
            name = str(key) if key not in ("non_field_errors", "__all__") else ""
            params.extend(
                _flatten(value, f"{prefix}.{name}" if prefix and name else prefix or name)
            )
    elif isinstance(detail, list):
        if all(isinstance(item, (str, exceptions.ErrorDetail)) for item in detail):
            for item in detail:
                params.append(
                    {"name": prefix, "code": getattr(item, "code", "invalid"), "reason": str(item)}
                )
        else:
            for index, item in enumerate(detail):
                params.extend(_flatten(item, f"{prefix}.{index}" if prefix else str(index)))
    else:
        params.append(
            {"name": prefix, "code": getattr(detail, "code", "invalid"), "reason": str(detail)}
        )
    return params


def problem(
    *,
    status: int,
    title: str,
    detail: str,
    instance: str = "",
    code: str = "",
    invalid_params: list[dict[str, str]] | None = None,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": title,
        "status": status,
        "detail": detail,
    }
    if instance:
        body["instance"] = instance
    if code:
        body["code"] = code
    if invalid_params is not None:
        body["invalidParams"] = invalid_params
    return body


def problem_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    request = context.get("request")
    instance = request.get_full_path() if request is not None else ""
    if isinstance(exc, InvalidInputError):
        # Services name fields as the models do; the API names them in camelCase,
        # converted here, once, for every service.
        exc = exceptions.ValidationError(
            {
                camel(name): [
                    exceptions.ErrorDetail(m, code=exc.codes.get(name, "invalid")) for m in msgs
                ]
                for name, msgs in exc.errors.items()
            }
        )
    elif isinstance(exc, DomainError):
        body = problem(
            status=exc.status,
            title=str(exc.title),
            detail=exc.message,
            instance=instance,
            code=exc.code,
        )
        if exc.field:
            body["invalidParams"] = [
                {"name": camel(exc.field), "code": exc.code, "reason": exc.message}
            ]
        return Response(body, status=exc.status, content_type=PROBLEM)
    elif isinstance(exc, TOO_LARGE):
        exc = RequestTooLarge()
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        params = _flatten(exc.detail)
        body = problem(
            status=400,
            title=_("The request is not valid"),
            detail=_("One or more fields are not valid: %(names)s.")
            % {"names": ", ".join(sorted({p["name"] or "body" for p in params}))},
            instance=instance,
            code="invalid",
            invalid_params=params,
        )
    else:
        detail = exc.detail if isinstance(exc, exceptions.APIException) else str(exc)
        body = problem(
            status=response.status_code,
            title=str(_status_title(response.status_code)),
            detail=str(detail),
            instance=instance,
            code=getattr(getattr(exc, "detail", None), "code", "") or "",
        )
    response.data = body
    response.content_type = PROBLEM
    return response


def _status_title(status: int) -> str:
    return {
        400: _("The request is not valid"),
        401: _("Not authenticated"),
        403: _("You may not do this"),
        404: _("Not found"),
        405: _("Method not allowed"),
        406: _("Not acceptable"),
        409: _("Conflict with the current state"),
        413: _("The request is too large"),
        415: _("Unsupported media type"),
        429: _("Too many requests"),
    }.get(status, _("Error"))


def _too_large_detail() -> str:
    return _("The request is larger than this server accepts (%(limit)s bytes).") % {
        "limit": settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    }


class RequestTooLarge(exceptions.APIException):
    status_code = 413
    default_code = "too-large"

    def __init__(self) -> None:
        super().__init__(_too_large_detail(), self.default_code)


def problem_response(request: HttpRequest, status: int) -> JsonResponse:
    """A problem+json answer for errors raised outside DRF (unknown path, a request
    Django refused before reading it, server error)."""
    details = {
        400: _("The request could not be read."),
        404: _("There is no resource at this path."),
        413: _too_large_detail(),
    }
    body = problem(
        status=status,
        title=str(_status_title(status)),
        detail=details.get(status) or _("The server could not handle this request."),
        instance=request.get_full_path(),
        code="too-large" if status == 413 else "",
    )
    response = JsonResponse(body, status=status, content_type=PROBLEM)
    response["API-Version"] = settings.API_VERSION
    return response


if TYPE_CHECKING:
    _View = APIView
else:
    _View = object


class StrictQueryMixin(_View):
    """Refuses every query key the operation does not declare, naming each.

    A GET may carry the keys of the view's ``filterset_class``, the pagination's
    ``page`` and ``pageSize`` and the ``query_parameters`` it lists (which the
    OpenAPI document shows, see ``AutoSchema``); any other method takes none.
    The check runs after authentication, so an anonymous caller still gets 401.
    """

    query_parameters: Sequence[OpenApiParameter] = ()

    def declared_query_keys(self, method: str | None) -> set[str]:
        if method not in ("GET", "HEAD"):
            return set()
        keys = {parameter.name for parameter in self.query_parameters}
        filterset = getattr(self, "filterset_class", None)
        if filterset is not None:
            keys |= set(filterset.base_filters)
        paginator = getattr(self, "paginator", None)
        if paginator is not None:
            keys |= {paginator.page_query_param, paginator.page_size_query_param}
        return keys

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        refuse_unknown_query_keys(request.query_params, self.declared_query_keys(request.method))


class ApiView(StrictQueryMixin, APIView):
    """The base of every API view that is not a list."""


class ListApiView(StrictQueryMixin, generics.GenericAPIView[_Model]):
    """The base of every paginated API list."""


class ActionView(ApiView, ABC):
    """An action on one object: a POST on a named sub-resource, such as
    ``/plans/{id}/agreement`` or ``/trajectories/{id}/acceptance``.

    ``request_serializer`` checks the body (a strict one: an unknown field is
    refused); ``act`` calls the one service the action stands for, which runs in
    one transaction and raises a ``DomainError`` to refuse; ``respond`` answers
    with the object as it is now. Each action's OpenAPI operation comes from
    ``action_schema`` on its class.
    """

    request_serializer: type[serializers.Serializer[Any]]

    @abstractmethod
    def act(self, request: Request, id: int, data: dict[str, Any]) -> Any:
        """Call the one service the action stands for; its result goes to ``respond``."""

    @abstractmethod
    def respond(self, request: Request, id: int, result: Any) -> Response:
        """The answer: the object as it is now."""

    def post(self, request: Request, id: int) -> Response:
        serializer = self.request_serializer(data=request.data or {})
        serializer.is_valid(raise_exception=True)
        result = self.act(request, id, serializer.validated_data)
        return self.respond(request, id, result)


_Action = TypeVar("_Action", bound=ActionView)


def action_schema(
    *,
    operation_id: str,
    summary: str,
    response: type[serializers.BaseSerializer[Any]],
    parameters: Sequence[OpenApiParameter],
    description: str | None = None,
    body: bool = True,
) -> Callable[[type[_Action]], type[_Action]]:
    """The OpenAPI operation of an ``ActionView``, as a class decorator; the request body is
    the class's ``request_serializer`` (none with ``body=False``: an action that takes no
    body, where any field sent is refused)."""

    def decorate(view_class: type[_Action]) -> type[_Action]:
        return extend_schema_view(
            post=extend_schema(
                operation_id=operation_id,
                summary=summary,
                description=description,
                parameters=list(parameters),
                request=view_class.request_serializer if body else None,
                responses={200: response},
            )
        )(view_class)

    return decorate


@dataclass(frozen=True)
class ActionFamily:
    """The actions of one object kind whose every step answers with the object read
    again: ``family.view(name, ...)`` makes the ``ActionView`` of one step from the
    service it calls (``call(user, id, data)``), so each step is a few lines of the
    service's arguments."""

    tags: Sequence[str]
    #: The object as it is now, read again through its selector (``detail(request, id)``).
    detail: Callable[[Request, int], Response]
    response: type[serializers.BaseSerializer[Any]]
    parameters: Sequence[OpenApiParameter]

    def view(
        self,
        name: str,
        *,
        serializer: type[serializers.Serializer[Any]],
        summary: str,
        description: str,
        call: Callable[[Any, int, dict[str, Any]], Any],
    ) -> type[ActionView]:
        family = self

        @action_schema(
            operation_id=name,
            summary=summary,
            description=description + " A step the lifecycle does not allow answers 409.",
            parameters=family.parameters,
            response=family.response,
        )
        class View(ActionView):
            schema_tags = list(family.tags)
            request_serializer = serializer

            def act(self, request: Request, id: int, data: dict[str, Any]) -> Any:
                return call(request.user, id, data)

            def respond(self, request: Request, id: int, result: Any) -> Response:
                return family.detail(request, id)

        View.__name__ = View.__qualname__ = name[0].upper() + name[1:] + "View"
        return View


class AutoSchema(SpectacularAutoSchema):
    """Operation ids in lowerCamelCase, tags from the first path segment; a view's
    ``query_parameters`` and the bounds of its filters (minimum, maximum, maxLength)
    in the document.

    A view whose writes can answer an error that ``postprocess_schema`` cannot
    infer from the path and the body names it in ``schema_write_errors``
    (status -> description): creating a plan while one is open conflicts (409),
    a referral to a job seeker you cannot see is not found (404).
    """

    def get_tags(self) -> list[str]:
        tags = self.view.__class__.__dict__.get("schema_tags")
        if tags:
            return list(tags)
        return super().get_tags()

    def get_operation(self, *args: Any, **kwargs: Any) -> dict[str, Any] | None:
        operation = super().get_operation(*args, **kwargs)
        if operation is not None and self.method in ("POST", "PUT", "PATCH", "DELETE"):
            responses = operation.setdefault("responses", {})
            for code, text in getattr(self.view, "schema_write_errors", {}).items():
                responses.setdefault(str(code), {"description": text})
        return operation

    def get_override_parameters(self) -> list[OpenApiParameter | _SerializerType]:
        parameters = list(super().get_override_parameters())
        if self.method == "GET":
            parameters = [*getattr(self.view, "query_parameters", ()), *parameters]
        return parameters

    def _get_filter_parameters(self) -> list[dict[str, Any]]:
        # drf-spectacular leaves this (private) method unannotated.
        parameters: list[dict[str, Any]] = super()._get_filter_parameters()  # type: ignore[no-untyped-call]
        filterset = getattr(self.view, "filterset_class", None)
        for parameter in parameters:
            declared = filterset.base_filters.get(parameter["name"]) if filterset else None
            if declared is None:
                continue
            schema = parameter["schema"]
            schema = schema.get("items", schema) if schema.get("type") == "array" else schema
            for extra, key in (
                ("min_value", "minimum"),
                ("max_value", "maximum"),
                ("max_length", "maxLength"),
            ):
                if declared.extra.get(extra) is not None:
                    schema[key] = declared.extra[extra]
        return parameters


# --- the OpenAPI document ---------------------------------------------------

_PROBLEM_SCHEMA = {
    "type": "object",
    "description": "An error, as RFC 9457 problem details.",
    "properties": {
        "type": {"type": "string", "format": "uri", "example": "about:blank"},
        "title": {"type": "string", "example": "Not found"},
        "status": {"type": "integer", "format": "int32", "example": 404},
        "detail": {"type": "string"},
        "instance": {"type": "string"},
        "code": {"type": "string", "description": "Stable code of the refusal."},
        "invalidParams": {"type": "array", "items": {"$ref": "#/components/schemas/InvalidParam"}},
    },
    "required": ["type", "title", "status", "detail"],
}
_INVALID_PARAM_SCHEMA = {
    "type": "object",
    "properties": {
        "name": {"type": "string", "description": "The field, in dotted notation."},
        "code": {"type": "string"},
        "reason": {"type": "string"},
    },
    "required": ["name", "code", "reason"],
}
_ERRORS = {
    "400": "The request is not valid; invalidParams names each field.",
    "401": "Not authenticated: send `Authorization: Token <token>`.",
    "403": "Authenticated, but this role may not do this.",
    "404": "Not found, or not visible to you.",
    "409": "Conflicts with the record's current state (a stale edit or a refused transition).",
    "413": "The request body is larger than the server accepts (`DATA_UPLOAD_MAX_MEMORY_SIZE`).",
    "415": "The request body is not `application/json`.",
}


def _error_text(code: str, operation: dict[str, Any]) -> str:
    """The description of an error response; a 400 says what the operation refuses."""
    if code != "400":
        return _ERRORS[code]
    parts = [_ERRORS["400"], "A query parameter the operation does not declare is refused."]
    if any(parameter.get("in") == "query" for parameter in operation.get("parameters", [])):
        parts.append(
            "So is a query value outside its type or range: a boolean that is not true or "
            "false, an id beyond 64 bits, a search over its maxLength, a `page` below 1 or "
            "past the end, a `pageSize` below 1 or over its maximum."
        )
    if "requestBody" in operation:
        parts.append(
            f"A body that is not JSON, or nests arrays and objects deeper than {MAX_JSON_DEPTH} "
            "levels, is refused; so is an integer beyond 64 bits."
        )
    return " ".join(parts)


def _problem_response(text: str) -> dict[str, Any]:
    return {
        "description": text,
        "headers": {"API-Version": {"$ref": "#/components/headers/API-Version"}},
        "content": {PROBLEM: {"schema": {"$ref": "#/components/schemas/Problem"}}},
    }


def _requires_login(operation: dict[str, Any]) -> bool:
    """Whether the operation needs credentials (``{}`` in ``security`` means it does not)."""
    security = operation.get("security") or []
    return bool(security) and {} not in security


def _page_examples(result: dict[str, Any], path: str, operation: dict[str, Any]) -> None:
    """Links in a paginated list's example point at the list itself, without a trailing slash."""
    content = operation.get("responses", {}).get("200", {}).get("content", {})
    ref = content.get("application/json", {}).get("schema", {}).get("$ref", "")
    name = ref.rsplit("/", 1)[-1]
    schema = result["components"]["schemas"].get(name) if name.startswith("Paginated") else None
    if not schema:
        return
    server = (result.get("servers") or [{"url": ""}])[0]["url"]
    sample = "/".join("1" if part.startswith("{") else part for part in path.split("/"))
    base = f"https://werkpad.example{server}{sample}"
    for key, page in (("next", 3), ("previous", 1)):
        if key in schema.get("properties", {}):
            schema["properties"][key]["example"] = f"{base}?page={page}"


def _ref_name(schema: dict[str, Any]) -> str:
    ref: str = schema.get("$ref", "")
    return ref.rsplit("/", 1)[-1]


def _request_schemas(result: dict[str, Any]) -> set[str]:
    """The component schemas that request bodies use, directly or nested."""
    schemas = result["components"]["schemas"]
    found: set[str] = set()
    todo = [
        _ref_name(media.get("schema", {}))
        for item in result.get("paths", {}).values()
        for operation in item.values()
        if isinstance(operation, dict)
        for media in operation.get("requestBody", {}).get("content", {}).values()
    ]
    while todo:
        name = todo.pop()
        if not name or name in found or name not in schemas:
            continue
        found.add(name)
        stack: list[Any] = [schemas[name]]
        while stack:
            node = stack.pop()
            if isinstance(node, dict):
                if "$ref" in node:
                    todo.append(_ref_name(node))
                stack.extend(node.values())
            elif isinstance(node, list):
                stack.extend(node)
    return found


def _has_version(result: dict[str, Any], operation: dict[str, Any]) -> bool:
    schemas = result["components"]["schemas"]
    for media in operation.get("requestBody", {}).get("content", {}).values():
        schema = schemas.get(_ref_name(media.get("schema", {})), {})
        if "version" in schema.get("properties", {}):
            return True
    return False


def _errors_of(
    result: dict[str, Any], path: str, method: str, operation: dict[str, Any]
) -> list[str]:
    """The error statuses this operation can answer with.

    400 always (every operation refuses query keys it does not declare); 401 and
    403 when it needs a login; 404 when its path names a record; 409 when it
    writes with a version, acts on a record (a transition, a sub-resource) or
    updates or deletes; 413 and 415 when it takes a body.
    """
    has_body = "requestBody" in operation
    needed = ["400"]
    if _requires_login(operation):
        needed += ["401", "403"]
    if "{" in path:
        needed.append("404")
    if method in {"put", "patch", "delete"} or (
        method == "post" and ("{" in path or _has_version(result, operation))
    ):
        needed.append("409")
    if has_body:
        needed += ["413", "415"]
    return needed


_EMPTY_STRING = {"type": "string", "maxLength": 0}


def _blank_as_any_of(node: Any) -> None:
    """A field that may be empty is "a value of its format, or empty": ``anyOf``, not
    the generator's ``oneOf``, which a validator without format checks refuses for ""
    (it matches both branches)."""
    if isinstance(node, dict):
        if _EMPTY_STRING in node.get("oneOf", []):
            node["anyOf"] = node.pop("oneOf")
        for value in node.values():
            _blank_as_any_of(value)
    elif isinstance(node, list):
        for value in node:
            _blank_as_any_of(value)


def _nullable_refs(node: Any, schemas: dict[str, Any]) -> None:
    """``{allOf: [$ref], nullable: true}`` is not nullable in OpenAPI 3.0.3 (``nullable``
    applies only beside ``type``); say "the referenced schema, or null" explicitly."""
    if isinstance(node, dict):
        refs = node.get("allOf", [])
        if node.get("nullable") and len(refs) == 1 and "$ref" in refs[0]:
            kind = schemas.get(_ref_name(refs[0]), {}).get("type", "object")
            node.pop("allOf")
            node.pop("nullable")
            node["anyOf"] = [refs[0], {"type": kind, "nullable": True, "enum": [None]}]
        for value in node.values():
            _nullable_refs(value, schemas)
    elif isinstance(node, list):
        for value in node:
            _nullable_refs(value, schemas)


def postprocess_schema(
    result: dict[str, Any], generator: SchemaGenerator, request: Request | None, public: bool
) -> dict[str, Any]:
    """Documents the conventions on every operation so that the NL linter passes
    and the document tells the truth.

    Every response carries the API-Version header; every error response is
    problem+json; every operation documents each error status it can give
    (``_errors_of``). Request bodies refuse properties they do not name
    (``additionalProperties: false``, as ``StrictSerializer`` does). An error
    response a view documents itself keeps its description.
    """
    components = result.setdefault("components", {})
    components.setdefault("schemas", {})["Problem"] = _PROBLEM_SCHEMA
    components["schemas"]["InvalidParam"] = _INVALID_PARAM_SCHEMA
    components.setdefault("headers", {})["API-Version"] = {
        "description": "The full version of the API (semver), equal to info.version.",
        "schema": {"type": "string", "example": settings.API_VERSION},
    }
    _blank_as_any_of(components["schemas"])
    _nullable_refs(components["schemas"], components["schemas"])
    for name in _request_schemas(result):
        schema = components["schemas"][name]
        if schema.get("type") == "object":
            schema["additionalProperties"] = False
    for path, item in result.get("paths", {}).items():
        for method, operation in item.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            responses = operation.setdefault("responses", {})
            for code in _errors_of(result, path, method, operation):
                responses.setdefault(code, {"description": _error_text(code, operation)})
            for code, response in responses.items():
                if code.startswith(("2", "3")):
                    response.setdefault("headers", {})["API-Version"] = {
                        "$ref": "#/components/headers/API-Version"
                    }
                elif code.startswith(("4", "5")):
                    responses[code] = _problem_response(
                        response.get("description") or _ERRORS.get(code, "An error.")
                    )
            operation["responses"] = dict(sorted(responses.items()))
            if method == "get":
                _page_examples(result, path, operation)
    return result


def refuse_unknown_query_keys(params: Iterable[str], allowed: Iterable[str]) -> None:
    """A list refuses query keys it does not know, naming each as it was sent: a
    misspelt filter must not answer with an unfiltered list, and a key of a kind
    werkpad never records is refused with that reason."""
    unknown = sorted(set(params) - set(allowed))
    if unknown:
        raise exceptions.ValidationError(
            {
                key: [
                    _("werkpad never records this kind of data.")
                    if is_forbidden_attribute(key)
                    else _("Unknown query parameter.")
                ]
                for key in unknown
            }
        )
