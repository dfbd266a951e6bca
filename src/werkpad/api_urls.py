"""/api/v1: every route of the API, without trailing slashes."""

from django.urls import path
from drf_spectacular.renderers import OpenApiJsonRenderer, OpenApiJsonRenderer2
from drf_spectacular.views import SpectacularAPIView

from werkpad.actions import api as actions
from werkpad.complaints import api as complaints
from werkpad.consents import api as consents
from werkpad.conversations import api as conversations
from werkpad.core.settings_api import MunicipalitySettingsView
from werkpad.core.worklist_api import WorklistView
from werkpad.council.advice import api as council_advice
from werkpad.council.assessments import api as council_assessments
from werkpad.documents import api as documents
from werkpad.employers import api as employers
from werkpad.grants import api as grants
from werkpad.insights.api import CompositionView
from werkpad.instruments.api import (
    InstrumentDeactivationView,
    InstrumentDetailView,
    InstrumentListView,
)
from werkpad.jobseekers.api import (
    AccessLogView,
    JobSeekerBsnLookupView,
    JobSeekerDetailView,
    JobSeekerListView,
    OutflowView,
    ProfileReviewView,
    ReentryView,
)
from werkpad.matching import api as matching
from werkpad.mediations import api as mediations
from werkpad.notifications.api import NotificationListView, NotificationReadView
from werkpad.placements import api as placements
from werkpad.plans.api import (
    PlanAgreementView,
    PlanCommentsView,
    PlanDetailView,
    PlanDisagreementView,
    PlanListView,
    PlanProposalView,
    PlanReviewsView,
    PlanVersionsView,
    PlanWithdrawalView,
)
from werkpad.providers.api import (
    ProgrammeDetailView,
    ProgrammeListView,
    ProviderDetailView,
    ProviderListView,
)
from werkpad.secondopinions import api as secondopinions
from werkpad.trajectories import api as trajectories


class OpenApiView(SpectacularAPIView):
    """The OpenAPI document, public (no login) and always JSON."""

    authentication_classes: list = []
    permission_classes: list = []
    schema = None  # the document does not describe itself
    renderer_classes = [OpenApiJsonRenderer, OpenApiJsonRenderer2]


urlpatterns = [
    path("openapi.json", OpenApiView.as_view(), name="openapi"),
    path("documents", documents.DocumentListView.as_view(), name="document-list"),
    path("documents/<int:id>", documents.DocumentDetailView.as_view(), name="document-detail"),
    path(
        "documents/<int:id>/content",
        documents.DocumentContentView.as_view(),
        name="document-content",
    ),
    path("actions/<int:id>", actions.ActionDetailView.as_view(), name="action-detail"),
    path("actions/<int:id>/completion", actions.CompletionView.as_view(), name="action-completion"),
    path("actions/<int:id>/approval", actions.ApprovalView.as_view(), name="action-approval"),
    path(
        "actions/<int:id>/cancellation",
        actions.CancellationView.as_view(),
        name="action-cancellation",
    ),
    path("plans/<int:id>/actions", actions.PlanActionListView.as_view(), name="plan-actions"),
    path(
        "trajectories/<int:id>/actions",
        actions.TrajectoryActionListView.as_view(),
        name="trajectory-actions",
    ),
    path("complaints", complaints.ComplaintListView.as_view(), name="complaint-list"),
    path("conversations", conversations.ConversationListView.as_view(), name="conversation-list"),
    path(
        "conversations/<int:id>",
        conversations.ConversationDetailView.as_view(),
        name="conversation-detail",
    ),
    path(
        "conversations/<int:id>/messages",
        conversations.ConversationMessagesView.as_view(),
        name="conversation-messages",
    ),
    path("complaints/<int:id>", complaints.ComplaintDetailView.as_view(), name="complaint-detail"),
    path(
        "complaints/<int:id>/acknowledgement",
        complaints.AcknowledgementView.as_view(),
        name="complaint-acknowledgement",
    ),
    path(
        "complaints/<int:id>/postponement",
        complaints.PostponementView.as_view(),
        name="complaint-postponement",
    ),
    path("complaints/<int:id>/hearing", complaints.HearingView.as_view(), name="complaint-hearing"),
    path(
        "complaints/<int:id>/decision", complaints.DecisionView.as_view(), name="complaint-decision"
    ),
    path(
        "complaints/<int:id>/dissatisfaction",
        complaints.DissatisfactionView.as_view(),
        name="complaint-dissatisfaction",
    ),
    path(
        "complaints/<int:id>/follow-up",
        complaints.FollowUpView.as_view(),
        name="complaint-follow-up",
    ),
    path(
        "complaints/<int:id>/withdrawal",
        complaints.WithdrawalView.as_view(),
        name="complaint-withdrawal",
    ),
    path("complaints/<int:id>/lessons", complaints.LessonView.as_view(), name="complaint-lessons"),
    path(
        "complaints/<int:id>/letters/<str:kind>",
        complaints.LetterView.as_view(),
        name="complaint-letter",
    ),
    path("job-seekers", JobSeekerListView.as_view(), name="job-seeker-list"),
    path("job-seekers/lookup", JobSeekerBsnLookupView.as_view(), name="job-seeker-lookup"),
    path("job-seekers/<int:id>", JobSeekerDetailView.as_view(), name="job-seeker-detail"),
    path(
        "job-seekers/<int:id>/profile-review",
        ProfileReviewView.as_view(),
        name="job-seeker-profile-review",
    ),
    path(
        "job-seekers/<int:id>/vacancy-matches",
        matching.JobSeekerVacancyMatchesView.as_view(),
        name="job-seeker-vacancy-matches",
    ),
    path(
        "vacancies/<int:id>/candidates",
        matching.VacancyCandidatesView.as_view(),
        name="vacancy-candidates",
    ),
    path("candidates", matching.CandidateListView.as_view(), name="candidate-list"),
    path(
        "candidates/<str:pseudonym>/introductions",
        matching.CandidateIntroductionView.as_view(),
        name="candidate-introductions",
    ),
    path(
        "introductions/<int:id>",
        matching.IntroductionDetailView.as_view(),
        name="introduction-detail",
    ),
    path(
        "introductions/<int:id>/agreement",
        matching.AgreementView.as_view(),
        name="introduction-agreement",
    ),
    path(
        "introductions/<int:id>/refusal",
        matching.RefusalView.as_view(),
        name="introduction-refusal",
    ),
    path(
        "introductions/<int:id>/withdrawal",
        matching.WithdrawalView.as_view(),
        name="introduction-withdrawal",
    ),
    path("job-seekers/<int:id>/outflow", OutflowView.as_view(), name="job-seeker-outflow"),
    path("job-seekers/<int:id>/re-entry", ReentryView.as_view(), name="job-seeker-re-entry"),
    path("job-seekers/<int:id>/access-log", AccessLogView.as_view(), name="job-seeker-access-log"),
    path(
        "job-seekers/<int:id>/consents",
        consents.JobSeekerConsentListView.as_view(),
        name="job-seeker-consents",
    ),
    path("consents/<int:id>", consents.ConsentDetailView.as_view(), name="consent-detail"),
    path("consents/<int:id>/giving", consents.GivingView.as_view(), name="consent-giving"),
    path(
        "consents/<int:id>/withdrawal", consents.WithdrawalView.as_view(), name="consent-withdrawal"
    ),
    path("consents/<int:id>/refusal", consents.RefusalView.as_view(), name="consent-refusal"),
    path("insights/composition", CompositionView.as_view(), name="composition"),
    path(
        "municipalities/<int:id>/settings",
        MunicipalitySettingsView.as_view(),
        name="municipality-settings",
    ),
    path("plans", PlanListView.as_view(), name="plan-list"),
    path("plans/<int:id>", PlanDetailView.as_view(), name="plan-detail"),
    path("plans/<int:id>/proposal", PlanProposalView.as_view(), name="plan-proposal"),
    path("plans/<int:id>/withdrawal", PlanWithdrawalView.as_view(), name="plan-withdrawal"),
    path("plans/<int:id>/agreement", PlanAgreementView.as_view(), name="plan-agreement"),
    path("plans/<int:id>/disagreement", PlanDisagreementView.as_view(), name="plan-disagreement"),
    path("plans/<int:id>/comments", PlanCommentsView.as_view(), name="plan-comments"),
    path("plans/<int:id>/versions", PlanVersionsView.as_view(), name="plan-versions"),
    path("plans/<int:id>/reviews", PlanReviewsView.as_view(), name="plan-reviews"),
    path("trajectories", trajectories.TrajectoryListView.as_view(), name="trajectory-list"),
    path(
        "trajectories/<int:id>",
        trajectories.TrajectoryDetailView.as_view(),
        name="trajectory-detail",
    ),
    *[
        path(f"trajectories/<int:id>/{segment}", view.as_view(), name=f"trajectory-{segment}")
        for segment, view in (
            ("acceptance", trajectories.AcceptanceView),
            ("declination", trajectories.DeclinationView),
            ("start", trajectories.StartView),
            ("suspension", trajectories.SuspensionView),
            ("resumption", trajectories.ResumptionView),
            ("completion", trajectories.CompletionView),
            ("early-end", trajectories.EarlyEndView),
            ("evaluation", trajectories.EvaluationView),
            ("progress-reports", trajectories.ProgressReportListView),
        )
    ],
    path(
        "second-opinions",
        secondopinions.SecondOpinionListView.as_view(),
        name="second-opinion-list",
    ),
    path(
        "second-opinions/<int:id>",
        secondopinions.SecondOpinionDetailView.as_view(),
        name="second-opinion-detail",
    ),
    *[
        path(
            f"second-opinions/<int:id>/{segment}", view.as_view(), name=f"second-opinion-{segment}"
        )
        for segment, view in (
            ("assignment", secondopinions.AssignmentView),
            ("advice", secondopinions.AdviceView),
            ("other-expert", secondopinions.OtherExpertView),
            ("meeting", secondopinions.MeetingView),
            ("decision", secondopinions.DecisionView),
            ("withdrawal", secondopinions.WithdrawalView),
        )
    ],
    path("mediations", mediations.MediationListView.as_view(), name="mediation-list"),
    path("mediations/<int:id>", mediations.MediationDetailView.as_view(), name="mediation-detail"),
    *[
        path(f"mediations/<int:id>/{segment}", view.as_view(), name=f"mediation-{segment}")
        for segment, view in (
            ("mediator-appointment", mediations.MediatorAppointmentView),
            ("sessions", mediations.SessionsView),
            ("outcome", mediations.OutcomeView),
            ("withdrawal", mediations.WithdrawalView),
        )
    ],
    path("instruments", InstrumentListView.as_view(), name="instrument-list"),
    path("instruments/<int:id>", InstrumentDetailView.as_view(), name="instrument-detail"),
    path(
        "instruments/<int:id>/deactivation",
        InstrumentDeactivationView.as_view(),
        name="instrument-deactivation",
    ),
    path("providers", ProviderListView.as_view(), name="provider-list"),
    path("providers/<int:id>", ProviderDetailView.as_view(), name="provider-detail"),
    path("programmes", ProgrammeListView.as_view(), name="programme-list"),
    path("programmes/<int:id>", ProgrammeDetailView.as_view(), name="programme-detail"),
    path("grants", grants.GrantListView.as_view(), name="grant-list"),
    path("grants/<int:id>", grants.GrantDetailView.as_view(), name="grant-detail"),
    path(
        "grants/<int:id>/cancellation",
        grants.GrantCancellationView.as_view(),
        name="grant-cancellation",
    ),
    path("budgets", grants.BudgetListView.as_view(), name="budget-list"),
    path(
        "budgets/<int:year>/<int:instrumentId>",
        grants.BudgetDetailView.as_view(),
        name="budget-detail",
    ),
    path(
        "vacancy-referrals",
        placements.VacancyReferralListView.as_view(),
        name="vacancy-referral-list",
    ),
    path(
        "vacancy-referrals/<int:id>",
        placements.VacancyReferralDetailView.as_view(),
        name="vacancy-referral-detail",
    ),
    path(
        "vacancy-referrals/<int:id>/result",
        placements.VacancyReferralResultView.as_view(),
        name="vacancy-referral-result",
    ),
    path("placements", placements.PlacementListView.as_view(), name="placement-list"),
    path("placements/<int:id>", placements.PlacementDetailView.as_view(), name="placement-detail"),
    path(
        "placements/<int:id>/follow-ups/<int:months>",
        placements.FollowUpView.as_view(),
        name="placement-follow-up",
    ),
    path("worklist", WorklistView.as_view(), name="worklist"),
    path("notifications", NotificationListView.as_view(), name="notification-list"),
    path(
        "notifications/<int:id>/read",
        NotificationReadView.as_view(),
        name="notification-read",
    ),
    path("employers", employers.EmployerListView.as_view(), name="employer-list"),
    path("employers/<int:id>", employers.EmployerDetailView.as_view(), name="employer-detail"),
    path("vacancies", employers.VacancyListView.as_view(), name="vacancy-list"),
    path("vacancies/<int:id>", employers.VacancyDetailView.as_view(), name="vacancy-detail"),
    path("vacancies/<int:id>/answer", employers.AnswerView.as_view(), name="vacancy-answer"),
    path(
        "vacancies/<int:id>/updates",
        employers.VacancyUpdateListView.as_view(),
        name="vacancy-updates",
    ),
    path("vacancies/<int:id>/filling", employers.FillingView.as_view(), name="vacancy-filling"),
    path("vacancies/<int:id>/closing", employers.ClosingView.as_view(), name="vacancy-closing"),
    path(
        "vacancies/<int:id>/withdrawal",
        employers.WithdrawalView.as_view(),
        name="vacancy-withdrawal",
    ),
    # the client council: the LCR checklist and assessments with it (CO3)
    path(
        "council/checklist",
        council_assessments.ChecklistView.as_view(),
        name="council-checklist",
    ),
    path(
        "council/assessments",
        council_assessments.AssessmentListView.as_view(),
        name="council-assessment-list",
    ),
    path(
        "council/assessments/<int:id>",
        council_assessments.AssessmentDetailView.as_view(),
        name="council-assessment-detail",
    ),
    path(
        "council/assessments/<int:id>/finalisation",
        council_assessments.AssessmentFinalisationView.as_view(),
        name="council-assessment-finalisation",
    ),
    path(
        "council/assessments/<int:id>/sharing",
        council_assessments.AssessmentSharingView.as_view(),
        name="council-assessment-sharing",
    ),
    path(
        "council/assessments/<int:id>/export",
        council_assessments.AssessmentExportView.as_view(),
        name="council-assessment-export",
    ),
    # The client council: advice requests (CO1).
    path(
        "council/advice-requests",
        council_advice.AdviceRequestListView.as_view(),
        name="council-advice-request-list",
    ),
    path(
        "council/advice-requests/<int:id>",
        council_advice.AdviceRequestDetailView.as_view(),
        name="council-advice-request-detail",
    ),
    path(
        "council/advice-requests/<int:id>/sending",
        council_advice.SendingView.as_view(),
        name="council-advice-request-sending",
    ),
    path(
        "council/advice-requests/<int:id>/withdrawal",
        council_advice.WithdrawalView.as_view(),
        name="council-advice-request-withdrawal",
    ),
    path(
        "council/advice-requests/<int:id>/advice",
        council_advice.AdviceView.as_view(),
        name="council-advice-request-advice",
    ),
    path(
        "council/advice-requests/<int:id>/response",
        council_advice.ResponseView.as_view(),
        name="council-advice-request-response",
    ),
    path(
        "council/advice-requests/<int:id>/extension-request",
        council_advice.ExtensionRequestView.as_view(),
        name="council-advice-request-extension-request",
    ),
    path(
        "council/advice-requests/<int:id>/extension-decision",
        council_advice.ExtensionDecisionView.as_view(),
        name="council-advice-request-extension-decision",
    ),
]
