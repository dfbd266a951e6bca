"""The ``werkpad`` command: Django's management with werkpad's settings preset.

werkpad serve [--host H] [--port P] [--workers N] [--with-worker]
werkpad worker [--batch]
werkpad demo [--size small|medium|large] [--seed N]
werkpad token USERNAME
werkpad import jobseekers FILE
werkpad migrate | check | createsuperuser | ...
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "werkpad.settings")
    from django.core.management import execute_from_command_line

    from werkpad.core.context import set_origin

    set_origin("cli")
    execute_from_command_line(["werkpad", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
