from django.db import migrations

from werkpad.core.reference import load_labour_market_regions


def load_regions(apps, schema_editor):
    load_labour_market_regions(apps.get_model("core", "LabourMarketRegion"))


def guard_audit_log(apps, schema_editor):
    """The database itself refuses to change or delete an audit event."""
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute("""
            CREATE OR REPLACE FUNCTION werkpad_audit_append_only() RETURNS trigger AS $$
            BEGIN RAISE EXCEPTION 'The audit log is append-only.'; END;
            $$ LANGUAGE plpgsql;
        """)
        schema_editor.execute("""
            CREATE TRIGGER core_auditevent_append_only
            BEFORE UPDATE OR DELETE ON core_auditevent
            FOR EACH ROW EXECUTE FUNCTION werkpad_audit_append_only();
        """)
    elif vendor == "sqlite":
        # Only UPDATE: the test runner empties tables with DELETE between tests.
        schema_editor.execute("""
            CREATE TRIGGER core_auditevent_no_update BEFORE UPDATE ON core_auditevent
            BEGIN SELECT RAISE(ABORT, 'The audit log is append-only.'); END;
        """)


def unguard_audit_log(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(
            "DROP TRIGGER IF EXISTS core_auditevent_append_only ON core_auditevent;"
        )
        schema_editor.execute("DROP FUNCTION IF EXISTS werkpad_audit_append_only();")
    elif vendor == "sqlite":
        schema_editor.execute("DROP TRIGGER IF EXISTS core_auditevent_no_update;")


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [
        migrations.RunPython(load_regions, migrations.RunPython.noop),
        migrations.RunPython(guard_audit_log, unguard_audit_log),
    ]
