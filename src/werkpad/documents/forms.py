"""The upload forms of documents (WT3)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from werkpad.documents import filetypes
from werkpad.documents.models import Type
from werkpad.documents.services import DESCRIPTION_MAX_LENGTH

ACCEPT = ",".join(filetypes.EXTENSIONS)


class UploadForm(forms.Form):
    """A caseworker's or coach's upload to a file, plan or trajectory."""

    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, Word (.docx), OpenDocument (.odt), JPG, PNG or plain text."),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )
    type = forms.ChoiceField(label=_("Type of document"), choices=Type.choices)
    health = forms.BooleanField(
        label=_("Health information"),
        required=False,
        help_text=_(
            "Only the job seeker's contact person sees it, and a provider only with the job "
            "seeker's consent to share health information."
        ),
    )
    description = forms.CharField(
        label=_("Description"), required=False, max_length=DESCRIPTION_MAX_LENGTH
    )
    plan = forms.IntegerField(widget=forms.HiddenInput, required=False)
    trajectory = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, prefix_id: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if prefix_id:
            self.auto_id = f"{prefix_id}_%s"


class OwnUploadForm(forms.Form):
    """The job seeker's own upload, in plain words and fit for a phone."""

    file = forms.FileField(
        label=_("Choose a file or take a photo"),
        help_text=_("A PDF, Word file, photo (JPG or PNG) or text file. At most 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )
    type = forms.ChoiceField(label=_("What is it?"), choices=Type.choices, initial=Type.CV)
    health = forms.BooleanField(
        label=_("This is about my health"),
        required=False,
        help_text=_(
            "Then only your contact person sees it. A provider sees it only if you say yes "
            "to sharing your health information."
        ),
    )
    description = forms.CharField(
        label=_("Short description (optional)"),
        required=False,
        max_length=DESCRIPTION_MAX_LENGTH,
    )
