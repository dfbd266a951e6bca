"""The instruments catalogue in the API: explicit camelCase input and output."""

from __future__ import annotations

from rest_framework import serializers

from werkpad.core.api import LineField, ParagraphField, StrictSerializer
from werkpad.instruments.models import InstrumentType


class InstrumentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    municipality = serializers.IntegerField(source="municipality_id")
    type = serializers.ChoiceField(choices=InstrumentType.choices)
    name = serializers.CharField()
    description = serializers.CharField()
    legalBasis = serializers.CharField(source="legal_basis")
    active = serializers.BooleanField(help_text="Inactive instruments cannot be chosen anew.")
    version = serializers.IntegerField()


class InstrumentWriteSerializer(StrictSerializer):
    type = serializers.ChoiceField(choices=InstrumentType.choices)
    name = LineField(max_length=200)
    description = ParagraphField(required=False, allow_blank=True)
    legalBasis = LineField(max_length=200, required=False, allow_blank=True)
    active = serializers.BooleanField(required=False)
    municipality = serializers.IntegerField(
        required=False, help_text="Municipality id; needed only when you work for several."
    )

    def model_data(self) -> dict:
        names = {"legalBasis": "legal_basis"}
        return {
            names.get(k, k): v
            for k, v in self.validated_data.items()
            if k not in ("municipality", "version")
        }


class InstrumentUpdateSerializer(InstrumentWriteSerializer):
    """A partial update; ``version`` is the version you read (optimistic locking)."""

    # DRF leaves out an inherited field set to None; the stubs know only the field.
    municipality = None  # type: ignore[assignment]
    version = serializers.IntegerField(
        min_value=1, help_text="The version you read; a stale one is refused with 409."
    )


class InstrumentVersionSerializer(StrictSerializer):
    version = serializers.IntegerField(
        min_value=1, help_text="The version you read; a stale one is refused with 409."
    )
