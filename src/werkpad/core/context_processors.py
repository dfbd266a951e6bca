from django.conf import settings

from werkpad.core.permissions import Role, scope_of


def werkpad(request):
    scope = scope_of(getattr(request, "user", None))
    return {
        "werkpad_version": settings.WERKPAD_VERSION,
        "scope": scope,
        "Role": Role,
        "user_roles": scope.roles,
    }
