"""The council's models, one module per subject.

A client council is an ``Organisation`` of kind ``council`` of one municipality;
its members hold the ``council_member`` role in it. The councils of the other
municipalities of the same labour-market region are its neighbours.
"""

from werkpad.council.models.advice import *  # noqa: F403
from werkpad.council.models.assessments import *  # noqa: F403
from werkpad.council.models.reports import *  # noqa: F403
