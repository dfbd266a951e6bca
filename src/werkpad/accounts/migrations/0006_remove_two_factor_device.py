"""The old authenticator model goes, once 0005 has moved every device to django-otp.

A migration of its own, apart from the data migration: on PostgreSQL a schema
change in the transaction that has just written rows can meet pending trigger
events.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0005_two_factor_device_to_django_otp"),
    ]

    operations = [
        migrations.DeleteModel(name="TwoFactorDevice"),
    ]
