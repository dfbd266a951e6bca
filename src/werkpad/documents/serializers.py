"""Documents in the API."""

from __future__ import annotations

from rest_framework import serializers

from werkpad.core.api import LineField, StrictSerializer
from werkpad.documents.models import MalwareCheck, Type


class DocumentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    jobSeekerId = serializers.IntegerField(source="job_seeker_id")
    planId = serializers.IntegerField(source="plan_id", allow_null=True)
    trajectoryId = serializers.IntegerField(source="trajectory_id", allow_null=True)
    type = serializers.ChoiceField(choices=Type.choices)
    health = serializers.BooleanField(
        help_text="Health information: governed by the job seeker's health consent."
    )
    description = serializers.CharField()
    originalName = serializers.CharField(source="original_name")
    contentType = serializers.CharField(source="content_type")
    size = serializers.IntegerField(help_text="In bytes.")
    sha256 = serializers.CharField(help_text="SHA-256 of the content, in hexadecimal.")
    uploadedAt = serializers.DateTimeField(source="uploaded_at")
    uploadedBy = serializers.SerializerMethodField()
    malwareCheck = serializers.ChoiceField(
        source="malware_check",
        choices=MalwareCheck.choices,
        help_text="`clean`: scanned by ClamAV; `not_checked`: no scanner was configured.",
    )

    def get_uploadedBy(self, obj) -> str:
        user = obj.uploaded_by
        return (user.get_full_name() or user.get_username()) if user is not None else ""


class DocumentUploadSerializer(StrictSerializer):
    file = serializers.FileField(help_text="The document: PDF, DOCX, ODT, JPG, PNG or TXT.")
    jobSeeker = serializers.IntegerField(min_value=1)
    type = serializers.ChoiceField(choices=Type.choices)
    health = serializers.BooleanField(required=False, default=False)
    plan = serializers.IntegerField(min_value=1, required=False, allow_null=True, default=None)
    trajectory = serializers.IntegerField(
        min_value=1, required=False, allow_null=True, default=None
    )
    description = LineField(required=False, max_length=300)
