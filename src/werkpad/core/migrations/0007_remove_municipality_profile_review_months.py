from django.db import migrations


class Migration(migrations.Migration):
    """The profile review period moved to ``MunicipalitySettings`` (0006 copied it)."""

    dependencies = [
        ("core", "0006_municipality_settings"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="municipality",
            name="profile_review_months",
        ),
    ]
