"""Where the current action comes from (UI, API, command line, task).

Set by the middleware for requests and by the ``werkpad`` command; read by the
audit log, so services need not be told.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar, Token

_origin: ContextVar[str] = ContextVar("werkpad_origin", default="cli")


def current_origin() -> str:
    return _origin.get()


@contextlib.contextmanager
def origin(value: str) -> Iterator[None]:
    token = _origin.set(value)
    try:
        yield
    finally:
        _origin.reset(token)


def set_origin(value: str) -> Token[str]:
    return _origin.set(value)


def reset_origin(token: Token[str]) -> None:
    _origin.reset(token)
