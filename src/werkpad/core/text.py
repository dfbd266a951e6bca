"""The rules for text that people type, the same in the API and the forms.

* One-line fields (names, addresses, places, organisations) refuse control
  characters (U+0000 to U+001F and U+007F) and the bidirectional embedding,
  override and isolate characters (U+202A to U+202E, U+2066 to U+2069), which
  can make a name read differently from what is stored.
* Every free-text field has a maximum length: ``TEXT_MAX_LENGTH`` for
  paragraphs, ``LINE_MAX_LENGTH`` for a line, unless a model field sets less.
* A website is an http or https address.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING, Any

from django import forms
from django.core.validators import MaxLengthValidator, RegexValidator, URLValidator
from django.utils.translation import gettext_lazy as _

#: The longest paragraph of free text (a plan's goals, a report, a reason).
TEXT_MAX_LENGTH = 4000
#: The longest one-line text without a model length of its own.
LINE_MAX_LENGTH = 200
#: The longest e-mail address (RFC 5321) and web address werkpad stores.
EMAIL_MAX_LENGTH = 254
URL_MAX_LENGTH = 200

#: One line of ordinary text. A pattern rather than a search for the bad characters,
#: so that the OpenAPI document shows it (``pattern``) to every client.
validate_one_line = RegexValidator(
    regex=r"^[^\x00-\x1f\x7f\u202a-\u202e\u2066-\u2069]+\Z",
    message=_(
        "Use one line of ordinary text: no line breaks, tabs, control characters "
        "or characters that change the writing direction."
    ),
    code="control-characters",
)


#: An address on the web: http or https only (no ftp, no javascript:, no file:).
validate_web_address = URLValidator(
    schemes=["http", "https"],
    message=_("Enter a web address that starts with http:// or https://."),
)


def one_line_form_fields(form: forms.BaseForm, names: Collection[str] | None = None) -> None:
    """Applies the one-line rule to a form's single-line text inputs (or ``names``)."""
    for name, field in form.fields.items():
        if names is not None and name not in names:
            continue
        if names is None and (
            not isinstance(field, forms.CharField)
            or isinstance(field.widget, forms.Textarea)
            or isinstance(field, (forms.EmailField, forms.URLField))
        ):
            continue
        if validate_one_line not in field.validators:
            field.validators.append(validate_one_line)


def text_form_fields(form: forms.BaseForm) -> None:
    """Gives every paragraph field of a form (a textarea) its maximum length."""
    for field in form.fields.values():
        if not isinstance(field, forms.CharField) or not isinstance(field.widget, forms.Textarea):
            continue
        if field.max_length is None:
            field.max_length = TEXT_MAX_LENGTH
            field.validators.append(MaxLengthValidator(TEXT_MAX_LENGTH))
        field.widget.attrs.setdefault("maxlength", str(field.max_length))


def apply_text_rules(form: forms.BaseForm) -> None:
    """Both rules above: one-line inputs refuse control characters, paragraphs have a limit."""
    one_line_form_fields(form)
    text_form_fields(form)


if TYPE_CHECKING:
    _Form = forms.BaseForm
else:
    _Form = object


class TextRulesMixin(_Form):
    """For every form of the UI: its one-line inputs refuse control and direction
    characters, its paragraphs have a maximum length (the API's rules)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        apply_text_rules(self)


class WebAddressFormField(forms.URLField):
    """A website in a form: an http or https address, at most ``URL_MAX_LENGTH`` long."""

    default_validators = [validate_web_address]
    default_error_messages = {"invalid": validate_web_address.message}

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", URL_MAX_LENGTH)
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)
