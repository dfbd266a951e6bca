from django import forms

from werkpad.core.text import TextRulesMixin
from werkpad.instruments.models import Instrument
from werkpad.instruments.services import EDITABLE_FIELDS


class InstrumentForm(TextRulesMixin, forms.ModelForm):
    """An instrument as the functional administrator edits it; ``version`` is the lock."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Instrument
        fields = ["type", "name", "legal_basis", "description", "active"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version

    def _post_clean(self):
        # Model validation runs in the service, in one transaction with the write.
        pass

    def changes(self) -> dict:
        names = [n for n in self.fields if n in EDITABLE_FIELDS]
        if self.instance.pk:
            names = [n for n in names if n in self.changed_data]
        return {name: self.cleaned_data[name] for name in names}
