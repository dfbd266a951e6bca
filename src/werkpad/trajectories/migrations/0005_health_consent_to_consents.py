"""The health consent moves from the trajectory to the job seeker's consents (RI5, TR4).

Each trajectory whose job seeker consented at referral to share health information
becomes a given health consent for its provider's organisation, recorded at referral,
with its history row; then the trajectory's own flag goes, so that what a coach reads
follows one consent that the job seeker can withdraw.
"""

from django.db import migrations


def forwards(apps, schema_editor):
    Trajectory = apps.get_model("trajectories", "Trajectory")
    Consent = apps.get_model("consents", "Consent")
    ConsentChange = apps.get_model("consents", "ConsentChange")
    rows = (
        Trajectory.objects.filter(health_consent=True)
        .order_by("referred_on", "pk")
        .values_list(
            "job_seeker_id",
            "job_seeker__municipality_id",
            "provider__organisation_id",
            "referred_by_id",
            "created_at",
        )
    )
    for job_seeker_id, municipality_id, organisation_id, referred_by, created_at in rows:
        consent, created = Consent.objects.get_or_create(
            job_seeker_id=job_seeker_id,
            recipient="provider",
            organisation_id=organisation_id,
            part="health",
            defaults={
                "municipality_id": municipality_id,
                "status": "given",
                "channel": "referral",
                "created_at": created_at,
                "updated_at": created_at,
            },
        )
        if created:
            ConsentChange.objects.create(
                consent=consent,
                from_status="",
                to_status="given",
                changed_at=created_at,
                changed_by_id=referred_by,
                channel="referral",
            )


def backwards(apps, schema_editor):
    Trajectory = apps.get_model("trajectories", "Trajectory")
    Consent = apps.get_model("consents", "Consent")
    given = Consent.objects.filter(recipient="provider", part="health", status="given")
    for job_seeker_id, organisation_id in given.values_list("job_seeker_id", "organisation_id"):
        Trajectory.objects.filter(
            job_seeker_id=job_seeker_id, provider__organisation_id=organisation_id
        ).update(health_consent=True)


class Migration(migrations.Migration):
    dependencies = [
        ("trajectories", "0004_status_history_base"),
        ("consents", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField(model_name="trajectory", name="health_consent"),
    ]
