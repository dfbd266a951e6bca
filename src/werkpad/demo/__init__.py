"""Demo data: a municipality's re-integration work with realistic job seekers.

``populate.populate`` fills an empty database (``werkpad demo``);
``jobseekers.create_job_seekers`` bulk-creates job seekers for one municipality
(the benchmarks use it). The same seed gives the same data.

An installed app (it owns the ``demo`` command) above every other app, which it
fills; this package imports nothing, so that Django can load it before models.
"""
