"""The API's shared conventions (NL GOV API Design Rules).

* errors are ``application/problem+json`` (RFC 9457) with ``status``, ``title``,
  ``detail`` and, for validation errors, ``invalidParams`` naming every bad field;
* unknown request fields are refused, never dropped (``StrictSerializer``);
* lists answer ``{count, next, previous, results}`` and take ``page`` and
  ``pageSize`` (at most 100);
* the OpenAPI document documents all of the above on every operation.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from rest_framework import exceptions, serializers
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from werkpad.core.errors import DomainError, InvalidInputError
from werkpad.core.privacy import is_forbidden_attribute

PROBLEM = "application/problem+json"


class StrictSerializer(serializers.Serializer):
    """Refuses fields it does not know, naming each, so a typo never drops data."""

    def to_internal_value(self, data):
        if not isinstance(data, dict):
            return super().to_internal_value(data)
        errors: dict[str, list[str]] = {}
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


def camel(name: str) -> str:
    """``ladder_rung`` -> ``ladderRung``: services speak model names, the API camelCase."""
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def _flatten(detail: Any, prefix: str = "") -> list[dict[str, str]]:
    """DRF's nested error detail as a flat list of invalidParams."""
    params: list[dict[str, str]] = []
    if isinstance(detail, dict):
        for key, value in detail.items():
            name = key if key not in ("non_field_errors", "__all__") else ""
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


def problem_exception_handler(exc, context):
    request = context.get("request")
    instance = request.get_full_path() if request is not None else ""
    if isinstance(exc, InvalidInputError):
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
            body["invalidParams"] = [{"name": exc.field, "code": exc.code, "reason": exc.message}]
        return Response(body, status=exc.status, content_type=PROBLEM)
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
        415: _("Unsupported media type"),
        429: _("Too many requests"),
    }.get(status, _("Error"))


def problem_response(request, status: int) -> JsonResponse:
    """A problem+json answer for errors raised outside DRF (unknown path, server error)."""
    body = problem(
        status=status,
        title=str(_status_title(status)),
        detail=_("There is no resource at this path.")
        if status == 404
        else _("The server could not handle this request."),
        instance=request.get_full_path(),
    )
    response = JsonResponse(body, status=status, content_type=PROBLEM)
    response["API-Version"] = settings.API_VERSION
    return response


class AutoSchema(SpectacularAutoSchema):
    """Operation ids in lowerCamelCase, tags from the first path segment."""

    def get_tags(self):
        if self.view.__class__.__dict__.get("schema_tags"):
            return list(self.view.schema_tags)
        return super().get_tags()


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
}


def _problem_response(text: str) -> dict[str, Any]:
    return {
        "description": text,
        "headers": {"API-Version": {"$ref": "#/components/headers/API-Version"}},
        "content": {PROBLEM: {"schema": {"$ref": "#/components/schemas/Problem"}}},
    }


def _requires_login(operation: dict[str, Any]) -> bool:
    """Whether the operation needs credentials (``{}`` in ``security`` means it does not)."""
    security = operation.get("security")
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


def postprocess_schema(result, generator, request, public):
    """Documents the conventions on every operation so that the NL linter passes.

    Every response carries the API-Version header; every error response is
    problem+json; every operation documents 400, 403 (and 401 when it needs a
    login, 404 when its path names a resource, 409 when it writes). An error
    response a view documents itself keeps its description.
    """
    components = result.setdefault("components", {})
    components.setdefault("schemas", {})["Problem"] = _PROBLEM_SCHEMA
    components["schemas"]["InvalidParam"] = _INVALID_PARAM_SCHEMA
    components.setdefault("headers", {})["API-Version"] = {
        "description": "The full version of the API (semver), equal to info.version.",
        "schema": {"type": "string", "example": settings.API_VERSION},
    }
    for path, item in result.get("paths", {}).items():
        for method, operation in item.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            responses = operation.setdefault("responses", {})
            needed = ["400", "403"]
            if _requires_login(operation):
                needed.append("401")
            if "{" in path:
                needed.append("404")
            if method in {"put", "patch", "post"}:
                needed.append("409")
            for code in needed:
                responses.setdefault(code, {"description": _ERRORS[code]})
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


def refuse_unknown_query_keys(params, allowed) -> None:
    """A list refuses query keys it does not know, naming each: a misspelt filter
    must not answer with an unfiltered list, and a key of a kind werkpad never
    records is refused with that reason."""
    unknown = sorted(set(params) - set(allowed))
    if unknown:
        raise InvalidInputError(
            {
                key: [
                    _("werkpad never records this kind of data.")
                    if is_forbidden_attribute(key)
                    else _("Unknown query parameter.")
                ]
                for key in unknown
            }
        )
