from rest_framework import serializers

from werkpad.core.suppression import Suppression


class CellSerializer(serializers.Serializer):
    key = serializers.CharField()
    # DRF's metaclass takes declared fields off the class; the stubs see Field.label.
    label = serializers.CharField()  # type: ignore[assignment]
    count = serializers.IntegerField(allow_null=True, help_text="null when suppressed.")
    share = serializers.FloatField(allow_null=True, help_text="0..1; null when suppressed.")
    suppressed = serializers.ChoiceField(
        choices=Suppression.choices,
        allow_null=True,
        help_text=(
            "null when the cell is shown. Otherwise why it is withheld: `small` when it holds "
            'fewer than `minCell` persons (it may be shown as "fewer than minCell"); '
            "`complementary` when it holds at least `minCell` persons and is withheld only so "
            "that a small cell cannot be worked out from the totals (show it as hidden, never "
            "as a number)."
        ),
    )


class DimensionSerializer(serializers.Serializer):
    key = serializers.CharField()
    # DRF's metaclass takes declared fields off the class; the stubs see Field.label.
    label = serializers.CharField()  # type: ignore[assignment]
    cells = CellSerializer(many=True)


class CompositionSerializer(serializers.Serializer):
    municipality = serializers.CharField(source="municipality.name")
    municipalityId = serializers.IntegerField(source="municipality.pk")
    total = serializers.IntegerField(allow_null=True)
    minCell = serializers.IntegerField(
        source="min_cell", help_text="Cells under this many persons are suppressed."
    )
    suppressed = serializers.BooleanField(help_text="Whether small cells are suppressed for you.")
    dimensions = DimensionSerializer(many=True)
    withoutCurrentPlan = CellSerializer(
        source="without_current_plan",
        help_text="PL1: job seekers without a plan in effect; count and share null when suppressed.",
    )
