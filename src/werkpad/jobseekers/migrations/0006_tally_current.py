"""The tally counts the job seekers still in the file: a file that left (outflow) no
longer counts, one that comes back counts again.

Replaces the triggers of 0003, whose rule was "every row": now a row counts
while ``left_on`` is NULL, and the triggers also fire when ``left_on`` changes.
"""

from django.db import migrations

SQLITE = [
    """CREATE TRIGGER jobseeker_tally_insert AFTER INSERT ON jobseekers_jobseeker
       WHEN NEW.left_on IS NULL BEGIN
         INSERT INTO jobseekers_jobseekertally (municipality_id, count)
         VALUES (NEW.municipality_id, 1)
         ON CONFLICT (municipality_id) DO UPDATE SET count = count + 1;
       END""",
    """CREATE TRIGGER jobseeker_tally_delete AFTER DELETE ON jobseekers_jobseeker
       WHEN OLD.left_on IS NULL BEGIN
         UPDATE jobseekers_jobseekertally SET count = count - 1
         WHERE municipality_id = OLD.municipality_id;
       END""",
    """CREATE TRIGGER jobseeker_tally_update_old
       AFTER UPDATE OF municipality_id, left_on ON jobseekers_jobseeker
       WHEN OLD.left_on IS NULL
        AND (NEW.left_on IS NOT NULL OR OLD.municipality_id <> NEW.municipality_id) BEGIN
         UPDATE jobseekers_jobseekertally SET count = count - 1
         WHERE municipality_id = OLD.municipality_id;
       END""",
    """CREATE TRIGGER jobseeker_tally_update_new
       AFTER UPDATE OF municipality_id, left_on ON jobseekers_jobseeker
       WHEN NEW.left_on IS NULL
        AND (OLD.left_on IS NOT NULL OR OLD.municipality_id <> NEW.municipality_id) BEGIN
         INSERT INTO jobseekers_jobseekertally (municipality_id, count)
         VALUES (NEW.municipality_id, 1)
         ON CONFLICT (municipality_id) DO UPDATE SET count = count + 1;
       END""",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS jobseeker_tally_insert",
    "DROP TRIGGER IF EXISTS jobseeker_tally_delete",
    "DROP TRIGGER IF EXISTS jobseeker_tally_move",
    "DROP TRIGGER IF EXISTS jobseeker_tally_update_old",
    "DROP TRIGGER IF EXISTS jobseeker_tally_update_new",
]

POSTGRESQL = [
    """CREATE OR REPLACE FUNCTION jobseeker_tally() RETURNS trigger AS $$
       BEGIN
         IF TG_OP IN ('DELETE', 'UPDATE') AND OLD.left_on IS NULL THEN
           UPDATE jobseekers_jobseekertally SET count = count - 1
           WHERE municipality_id = OLD.municipality_id;
         END IF;
         IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.left_on IS NULL THEN
           INSERT INTO jobseekers_jobseekertally (municipality_id, count)
           VALUES (NEW.municipality_id, 1)
           ON CONFLICT (municipality_id) DO UPDATE
           SET count = jobseekers_jobseekertally.count + 1;
         END IF;
         RETURN NULL;
       END;
       $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER jobseeker_tally_insert_delete AFTER INSERT OR DELETE ON jobseekers_jobseeker
       FOR EACH ROW EXECUTE FUNCTION jobseeker_tally()""",
    """CREATE TRIGGER jobseeker_tally_move
       AFTER UPDATE OF municipality_id, left_on ON jobseekers_jobseeker
       FOR EACH ROW WHEN (OLD.municipality_id IS DISTINCT FROM NEW.municipality_id
                          OR (OLD.left_on IS NULL) <> (NEW.left_on IS NULL))
       EXECUTE FUNCTION jobseeker_tally()""",
]
POSTGRESQL_DROP = [
    "DROP TRIGGER IF EXISTS jobseeker_tally_insert_delete ON jobseekers_jobseeker",
    "DROP TRIGGER IF EXISTS jobseeker_tally_move ON jobseekers_jobseeker",
    "DROP FUNCTION IF EXISTS jobseeker_tally()",
]

REFILL = [
    "DELETE FROM jobseekers_jobseekertally",
    """INSERT INTO jobseekers_jobseekertally (municipality_id, count)
       SELECT municipality_id, COUNT(*) FROM jobseekers_jobseeker
       WHERE left_on IS NULL GROUP BY municipality_id""",
]


def _statements(vendor: str, table: dict) -> list[str]:
    statements = table.get(vendor)
    if statements is None:
        raise RuntimeError(f"No job-seeker tally triggers for database {vendor}.")
    return statements


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    drop_statements = {"sqlite": SQLITE_DROP, "postgresql": POSTGRESQL_DROP}
    for statement in _statements(vendor, drop_statements):
        schema_editor.execute(statement)
    for statement in REFILL:
        schema_editor.execute(statement)
    for statement in _statements(vendor, {"sqlite": SQLITE, "postgresql": POSTGRESQL}):
        schema_editor.execute(statement)


def restore(apps, schema_editor):
    """Back to 0003's triggers, which count every row."""
    import importlib

    previous = importlib.import_module("werkpad.jobseekers.migrations.0003_tally_triggers")
    vendor = schema_editor.connection.vendor
    for statement in {"sqlite": SQLITE_DROP, "postgresql": POSTGRESQL_DROP}.get(vendor, []):
        schema_editor.execute(statement)
    previous.create(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [("jobseekers", "0005_outflow")]

    operations = [migrations.RunPython(create, restore)]
