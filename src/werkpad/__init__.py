"""werkpad: re-integration work under the Participatiewet, accounted for."""

__version__ = "0.1.0"
