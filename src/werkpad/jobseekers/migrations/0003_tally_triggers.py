from django.db import migrations

SQLITE = [
    """CREATE TRIGGER jobseeker_tally_insert AFTER INSERT ON jobseekers_jobseeker BEGIN
         INSERT INTO jobseekers_jobseekertally (municipality_id, count)
         VALUES (NEW.municipality_id, 1)
         ON CONFLICT (municipality_id) DO UPDATE SET count = count + 1;
       END""",
    """CREATE TRIGGER jobseeker_tally_delete AFTER DELETE ON jobseekers_jobseeker BEGIN
         UPDATE jobseekers_jobseekertally SET count = count - 1
         WHERE municipality_id = OLD.municipality_id;
       END""",
    """CREATE TRIGGER jobseeker_tally_move AFTER UPDATE OF municipality_id ON jobseekers_jobseeker
       WHEN OLD.municipality_id <> NEW.municipality_id BEGIN
         UPDATE jobseekers_jobseekertally SET count = count - 1
         WHERE municipality_id = OLD.municipality_id;
         INSERT INTO jobseekers_jobseekertally (municipality_id, count)
         VALUES (NEW.municipality_id, 1)
         ON CONFLICT (municipality_id) DO UPDATE SET count = count + 1;
       END""",
]
SQLITE_DROP = ["DROP TRIGGER IF EXISTS jobseeker_tally_insert",
               "DROP TRIGGER IF EXISTS jobseeker_tally_delete",
               "DROP TRIGGER IF EXISTS jobseeker_tally_move"]

POSTGRESQL = [
    """CREATE OR REPLACE FUNCTION jobseeker_tally() RETURNS trigger AS $$
       BEGIN
         IF TG_OP IN ('DELETE', 'UPDATE') THEN
           UPDATE jobseekers_jobseekertally SET count = count - 1
           WHERE municipality_id = OLD.municipality_id;
         END IF;
         IF TG_OP IN ('INSERT', 'UPDATE') THEN
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
    """CREATE TRIGGER jobseeker_tally_move AFTER UPDATE OF municipality_id ON jobseekers_jobseeker
       FOR EACH ROW WHEN (OLD.municipality_id IS DISTINCT FROM NEW.municipality_id)
       EXECUTE FUNCTION jobseeker_tally()""",
]
POSTGRESQL_DROP = [
    "DROP TRIGGER IF EXISTS jobseeker_tally_insert_delete ON jobseekers_jobseeker",
    "DROP TRIGGER IF EXISTS jobseeker_tally_move ON jobseekers_jobseeker",
    "DROP FUNCTION IF EXISTS jobseeker_tally()",
]

FILL = """INSERT INTO jobseekers_jobseekertally (municipality_id, count)
          SELECT municipality_id, COUNT(*) FROM jobseekers_jobseeker GROUP BY municipality_id"""


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": SQLITE, "postgresql": POSTGRESQL}.get(vendor)
    if statements is None:
        raise RuntimeError(f"No job-seeker tally triggers for database {vendor}.")
    schema_editor.execute("DELETE FROM jobseekers_jobseekertally")
    schema_editor.execute(FILL)
    for statement in statements:
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for statement in {"sqlite": SQLITE_DROP, "postgresql": POSTGRESQL_DROP}.get(vendor, []):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("jobseekers", "0002_tally")]

    operations = [migrations.RunPython(create, drop)]
