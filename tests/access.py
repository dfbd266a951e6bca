"""What the access matrices share: the roles they drive, and a client logged in as one."""

from __future__ import annotations

from django.test import Client
from rest_framework.test import APIClient

from werkpad.core.permissions import Role

ANONYMOUS = "anonymous"
#: Every role, and nobody logged in.
ROLES = [*Role, ANONYMOUS]


def api_client(user) -> APIClient:
    """The API as ``user``; ``None``: without a login."""
    client = APIClient()
    if user is not None:
        client.force_authenticate(user=user)
    return client


def page_client(user) -> Client:
    """The pages as ``user``; ``None``: without a login."""
    client = Client()
    if user is not None:
        client.force_login(user)
    return client
