from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrajectoriesConfig(AppConfig):
    name = "werkpad.trajectories"
    label = "trajectories"
    verbose_name = _("Trajectories")

    def ready(self) -> None:
        from werkpad.core.minimum_wage import WageChecks, register_wage_checks
        from werkpad.core.permissions import Role
        from werkpad.core.worklist import register_sections
        from werkpad.jobseekers.services import register_leave_check
        from werkpad.trajectories import notifications, worklist
        from werkpad.trajectories.outflow import refuse_leaving_during_a_trajectory
        from werkpad.trajectories.wage_check import end_report_recheck, end_reports_waiting

        # TR6: entering a minimum-wage rate runs the end reports' waiting checks again.
        register_wage_checks(
            "trajectories", WageChecks(waiting=end_reports_waiting, recheck=end_report_recheck)
        )
        register_leave_check("trajectories", refuse_leaving_during_a_trajectory)
        register_sections(
            "trajectories.caseworker",
            roles={Role.CASEWORKER},
            sections=worklist.caseworker_sections,
            order=30,
        )
        register_sections(
            "trajectories.coach", roles={Role.COACH}, sections=worklist.coach_sections, order=40
        )
        notifications.register()
