"""Complaints in the API: camelCase, strict input."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from werkpad.complaints.models import (
    MAX_POSTPONEMENT_WEEKS,
    Channel,
    Complaint,
    HearingSkipped,
    Lesson,
    Letter,
    Outcome,
    Subject,
)
from werkpad.complaints.workflow import Status
from werkpad.core.api import LineField, ParagraphField, StrictSerializer


class LetterSerializer(serializers.Serializer[Letter]):
    kind = serializers.ChoiceField(choices=Letter.Kind.values, help_text="Which letter.")
    sentOn = serializers.DateField(source="sent_on", help_text="The day it was sent.")


class LessonSerializer(serializers.Serializer[Lesson]):
    id = serializers.IntegerField(help_text="The lesson's id.")
    organisation = serializers.IntegerField(
        source="organisation_id", help_text="The organisation it goes back to."
    )
    text = serializers.CharField(help_text="The lesson.")
    recordedAt = serializers.DateTimeField(source="recorded_at", help_text="When.")


class ComplaintSummarySerializer(serializers.Serializer[Complaint]):
    id = serializers.IntegerField(help_text="The complaint's id.")
    reference = serializers.CharField(help_text="The reference on the letters.")
    version = serializers.IntegerField(help_text="Send it back with a change.")
    municipality = serializers.IntegerField(source="municipality_id", help_text="Its id.")
    status = serializers.ChoiceField(choices=Status.values, help_text="Where it stands.")
    subject = serializers.ChoiceField(choices=Subject.values, help_text="What it is about.")
    channel = serializers.ChoiceField(choices=Channel.values, help_text="How it came in.")
    about = serializers.IntegerField(source="about_id", help_text="The organisation it is about.")
    routedTo = serializers.IntegerField(
        source="routed_to_id", help_text="The organisation that handles it."
    )
    routedToName = serializers.CharField(source="routed_to.name", help_text="Its name.")
    receivedOn = serializers.DateField(source="received_on", help_text="Received on.")
    termEndsOn = serializers.DateField(
        source="term_ends_on", help_text="The last day of the term (Atw applied)."
    )
    postponed = serializers.BooleanField(help_text="Whether the term was postponed.")


class ComplaintSerializer(ComplaintSummarySerializer):
    complainantName = serializers.CharField(source="complainant_name", help_text="Who.")
    jobSeeker = serializers.IntegerField(
        source="job_seeker_id", allow_null=True, help_text="The job seeker who complains."
    )
    employer = serializers.IntegerField(
        source="employer_id", allow_null=True, help_text="The employer who complains."
    )
    trajectory = serializers.IntegerField(
        source="trajectory_id", allow_null=True, help_text="The trajectory it concerns."
    )
    description = serializers.CharField(help_text="What happened.")
    committee = serializers.BooleanField(help_text="Whether an advisory committee advises.")
    originalTermEndsOn = serializers.DateField(
        source="original_term_ends_on", help_text="The term before any postponement."
    )
    acknowledgedOn = serializers.DateField(
        source="acknowledged_on", allow_null=True, help_text="Receipt acknowledged on."
    )
    postponedOn = serializers.DateField(
        source="postponed_on", allow_null=True, help_text="Postponed on."
    )
    postponementReason = serializers.CharField(
        source="postponement_reason", help_text="Why it was postponed."
    )
    hearingHeldOn = serializers.DateField(
        source="hearing_held_on", allow_null=True, help_text="The hearing was held on."
    )
    hearingSkipped = serializers.CharField(
        source="hearing_skipped", help_text="Why the hearing was skipped (Awb 9:10(2))."
    )
    outcome = serializers.CharField(help_text="founded, partly_founded or unfounded.")
    conclusions = serializers.CharField(help_text="The conclusions.")
    measures = serializers.CharField(help_text="The measures taken.")
    decidedOn = serializers.DateField(source="decided_on", allow_null=True, help_text="Decided on.")
    dissatisfactionEndsOn = serializers.DateField(
        source="dissatisfaction_ends_on",
        allow_null=True,
        help_text="The last day to say one is not satisfied.",
    )
    dissatisfiedOn = serializers.DateField(
        source="dissatisfied_on", allow_null=True, help_text="Said not to be satisfied on."
    )
    followUp = serializers.CharField(
        source="follow_up", help_text="reopened or ombudsman, once followed up."
    )
    letters = LetterSerializer(many=True, source="letters.all", help_text="The letters sent.")
    lessons = LessonSerializer(many=True, source="lessons.all", help_text="Lessons drawn.")


class ComplaintFileSerializer(StrictSerializer[Any]):
    subject = serializers.ChoiceField(choices=Subject.values, help_text="What it is about.")
    about = serializers.IntegerField(
        min_value=1, help_text="The organisation it is about: the municipality's or a provider's."
    )
    description = ParagraphField(help_text="What happened.")
    channel = serializers.ChoiceField(
        choices=Channel.values,
        default=Channel.WEB,
        help_text="`web` for one's own; a handler filing for someone names how it came in.",
    )
    trajectory = serializers.IntegerField(
        min_value=1, required=False, allow_null=True, default=None, help_text="The trajectory."
    )
    jobSeeker = serializers.IntegerField(
        min_value=1,
        required=False,
        allow_null=True,
        default=None,
        help_text="A handler filing for a job seeker.",
    )
    complainantName = LineField(required=False, help_text="A handler filing for someone.")
    complainantAddress = LineField(required=False, help_text="Where the letters go.")
    receivedOn = serializers.DateField(
        required=False, allow_null=True, default=None, help_text="Default today."
    )


class ComplaintVersionSerializer(StrictSerializer[Any]):
    version = serializers.IntegerField(min_value=1, help_text="The version you read.")


class PostponementSerializer(ComplaintVersionSerializer):
    weeks = serializers.IntegerField(
        min_value=1,
        help_text=f"By how many weeks: at most {MAX_POSTPONEMENT_WEEKS}, once (Awb 9:11(2)).",
    )
    reason = ParagraphField(help_text="Why: the notice to the complainant says it.")


class HearingSerializer(ComplaintVersionSerializer):
    heldOn = serializers.DateField(
        required=False, allow_null=True, default=None, help_text="The day it was held."
    )
    skipped = serializers.ChoiceField(
        choices=HearingSkipped.values,
        required=False,
        allow_blank=True,
        default="",
        help_text="Or why it was skipped (Awb 9:10(2)).",
    )
    notes = ParagraphField(required=False, allow_blank=True, default="", help_text="Notes.")


class DecisionSerializer(ComplaintVersionSerializer):
    outcome = serializers.ChoiceField(choices=Outcome.values, help_text="The outcome.")
    conclusions = ParagraphField(help_text="The conclusions (Awb 9:12).")
    measures = ParagraphField(
        required=False, allow_blank=True, default="", help_text="The measures, if any."
    )


class DissatisfactionSerializer(StrictSerializer[Any]):
    text = ParagraphField(help_text="Why the complainant is not satisfied.")


class WithdrawalSerializer(ComplaintVersionSerializer):
    reason = ParagraphField(help_text="Why it is withdrawn.")


class LessonInSerializer(StrictSerializer[Any]):
    text = ParagraphField(help_text="The lesson.")
    organisation = serializers.IntegerField(
        min_value=1,
        required=False,
        allow_null=True,
        default=None,
        help_text="The organisation it goes back to; default the one the complaint is about.",
    )
