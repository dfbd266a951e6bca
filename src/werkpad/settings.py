"""Every setting of werkpad, read from the environment.

See docs/architecture.md#configuration. Nothing here is specific to one machine:
the defaults serve the demo on an embedded SQLite database under ``var/``.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from werkpad import __version__

BASE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(os.environ.get("WERKPAD_VAR_DIR", Path.cwd() / "var")).resolve()


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def _secret_key() -> str:
    """SECRET_KEY from the environment, else one generated once into var/."""
    key = os.environ.get("SECRET_KEY")
    if key:
        return key
    path = VAR_DIR / "secret_key"
    if path.exists():
        return path.read_text().strip()
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    path.write_text(key)
    path.chmod(0o600)
    return key


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

WERKPAD_VERSION = __version__
API_VERSION = "1.0.0"
WERKPAD_MIN_CELL = int(os.environ.get("WERKPAD_MIN_CELL", "10"))
WERKPAD_HTTPS = env_bool("WERKPAD_HTTPS", False)

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "django_filters",
    "django_htmx",
    "csp",
    "rules.apps.AutodiscoverRulesConfig",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks",
    "django_tasks_db",
    "django_rq",
    "django_tasks_rq",
    "werkpad.core",
    "werkpad.accounts",
    "werkpad.notifications",
    "werkpad.jobseekers",
    "werkpad.instruments",
    "werkpad.matching",
    "werkpad.providers",
    "werkpad.consents",
    "werkpad.employers",
    "werkpad.plans",
    "werkpad.trajectories",
    "werkpad.grants",
    "werkpad.secondopinions",
    "werkpad.mediations",
    "werkpad.actions",
    "werkpad.complaints",
    "werkpad.conversations",
    "werkpad.documents",
    "werkpad.placements",
    "werkpad.surveys",
    "werkpad.insights",
    "werkpad.portal",
    "werkpad.council",
    "werkpad.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "werkpad.core.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "werkpad.core.middleware.ApiMiddleware",
    "werkpad.core.middleware.SessionTimeoutMiddleware",
    "werkpad.core.middleware.NoStoreMiddleware",
    "werkpad.core.middleware.DomainErrorMiddleware",
]

ROOT_URLCONF = "werkpad.urls"
WSGI_APPLICATION = "werkpad.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "werkpad.core.context_processors.werkpad",
                "werkpad.notifications.context_processors.notifications",
                "werkpad.conversations.context_processors.conversations",
            ],
        },
    }
]

# --- database -------------------------------------------------------------
DATABASE_URL = os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'werkpad.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers go on while one writer writes; IMMEDIATE takes the
        # write lock at the start of a transaction so that two writers queue
        # instead of failing half-way.
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            "PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON;"
        ),
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- auth -----------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "accounts:login"
AUTH_PASSWORD_VALIDATORS = [
    # ASVS 5.0: length, not composition; no forced rotation.
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 8},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
]
#: Failed logins from one client address (REMOTE_ADDR) within 15 minutes before
#: logins from there wait; each account also waits after ten of its own.
WERKPAD_LOGIN_FAILURES_PER_ADDRESS = int(os.environ.get("WERKPAD_LOGIN_FAILURES_PER_ADDRESS", "30"))
#: Staff log in with a second factor (TOTP) after their password.
WERKPAD_STAFF_2FA = env_bool("WERKPAD_STAFF_2FA", True)
# The second factor is django-otp's TOTP device. Its own back-off is off: the
# lock after five wrong codes in accounts.services is the one rule that applies.
OTP_TOTP_ISSUER = "werkpad"
OTP_TOTP_THROTTLE_FACTOR = 0
SESSION_COOKIE_AGE = 8 * 60 * 60  # absolute timeout
WERKPAD_SESSION_IDLE_SECONDS = int(os.environ.get("WERKPAD_SESSION_IDLE_SECONDS", "1800"))
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# --- i18n -----------------------------------------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# --- static files ---------------------------------------------------------
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise serves from it after collectstatic
STORAGES: dict[str, dict[str, object]] = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

# --- documents (WT3) -------------------------------------------------------
# Uploaded documents live in the storage named "documents": the local filesystem under
# WERKPAD_VAR_DIR/documents, or an S3-compatible bucket (django-storages) with
# WERKPAD_DOCUMENT_STORAGE=s3. Either way werkpad serves them itself, audited: no
# storage URL is ever handed out (the bucket stays private, links would be signed).
WERKPAD_DOCUMENT_STORAGE = os.environ.get("WERKPAD_DOCUMENT_STORAGE", "local").strip().lower()
if WERKPAD_DOCUMENT_STORAGE == "local":
    STORAGES["documents"] = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(VAR_DIR / "documents"), "directory_permissions_mode": 0o700},
    }
elif WERKPAD_DOCUMENT_STORAGE == "s3":
    if not os.environ.get("WERKPAD_S3_BUCKET"):
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured("WERKPAD_DOCUMENT_STORAGE=s3 needs WERKPAD_S3_BUCKET")
    STORAGES["documents"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["WERKPAD_S3_BUCKET"],
            "endpoint_url": os.environ.get("WERKPAD_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("WERKPAD_S3_REGION") or None,
            "access_key": os.environ.get("WERKPAD_S3_ACCESS_KEY") or None,
            "secret_key": os.environ.get("WERKPAD_S3_SECRET_KEY") or None,
            "location": os.environ.get("WERKPAD_S3_PREFIX", "documents"),
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
else:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(
        f"WERKPAD_DOCUMENT_STORAGE={WERKPAD_DOCUMENT_STORAGE!r}: choose local or s3"
    )
#: The largest document werkpad accepts, in bytes (10 MiB unless set).
WERKPAD_DOCUMENT_MAX_BYTES = int(
    os.environ.get("WERKPAD_DOCUMENT_MAX_BYTES", str(10 * 1024 * 1024))
)
#: ClamAV's daemon (clamd), as tcp://host:3310 or unix:///run/clamav/clamd.ctl: every upload is
#: scanned, and refused when infected or when the scanner does not answer. Empty: documents
#: are recorded as not checked for malware.
CLAMAV_URL = os.environ.get("CLAMAV_URL", "").strip()
CLAMAV_TIMEOUT = float(os.environ.get("CLAMAV_TIMEOUT", "30"))

# --- e-mail ---------------------------------------------------------------
EMAIL_URL = os.environ.get("EMAIL_URL", "console:")
if EMAIL_URL.startswith("console:"):
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
elif EMAIL_URL.startswith("locmem:"):
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
else:
    from urllib.parse import unquote, urlsplit

    _mail = urlsplit(EMAIL_URL)
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = _mail.hostname or "localhost"
    EMAIL_PORT = _mail.port or 25
    EMAIL_HOST_USER = unquote(_mail.username or "")
    EMAIL_HOST_PASSWORD = unquote(_mail.password or "")
    EMAIL_USE_TLS = _mail.scheme in {"smtp+tls", "submission"}
    EMAIL_USE_SSL = _mail.scheme == "smtps"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "werkpad <noreply@localhost>")

# --- background work ------------------------------------------------------
# Django's Tasks API (the django-tasks backport). `database` keeps the queue in
# werkpad's own database, so no other server is needed; `rq` puts it in Redis
# (REDIS_URL) for deployments with several workers; `immediate` runs each task
# at once in the process that enqueues it (development only). `werkpad worker`
# runs the queued tasks and the periodic sweeps (docs/architecture.md).
TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "rq": "django_tasks_rq.RQBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "database").strip().lower()
if TASKS_BACKEND not in TASK_BACKENDS:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(
        f"TASKS_BACKEND={TASKS_BACKEND!r}: choose one of {', '.join(TASK_BACKENDS)}"
    )
TASKS = {"default": {"BACKEND": TASK_BACKENDS[TASKS_BACKEND], "QUEUES": ["default"]}}
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 600}}
#: Seconds between two runs of the periodic sweeps in `werkpad worker`.
WERKPAD_SWEEP_SECONDS = int(os.environ.get("WERKPAD_SWEEP_SECONDS", "3600"))
#: The address werkpad is reached at, for the links in its e-mail.
WERKPAD_BASE_URL = os.environ.get("WERKPAD_BASE_URL", "http://127.0.0.1:8000").rstrip("/")

# --- security -------------------------------------------------------------
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# No inline script or style anywhere: every page takes its CSS and JavaScript
# from static files (tests/core/test_security_headers.py scans the templates).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "connect-src": [SELF],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# werkpad uses none of these browser features; no page or embedded frame may ask for them.
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in [
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    ]
}
if WERKPAD_HTTPS:
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# --- API ------------------------------------------------------------------
# The largest request body read into memory (Django's default, stated): a page answers
# a larger one with 413, the API with 413 problem+json.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "werkpad.core.pagination.PageNumberPagination",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["werkpad.core.parsers.JSONParser"],
    # `format` is a filter of the programme list (?format=group), not a renderer switch.
    "URL_FORMAT_OVERRIDE": None,
    "DEFAULT_SCHEMA_CLASS": "werkpad.core.api.AutoSchema",
    "EXCEPTION_HANDLER": "werkpad.core.api.problem_exception_handler",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "DATETIME_FORMAT": "iso-8601",
    "PAGE_SIZE": 25,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "werkpad API",
    "DESCRIPTION": (
        "The werkpad API: job seekers, their files and the insights a municipality "
        "and its client council need. Identifiers are English, consistent with the "
        "code base (see docs/adr/0002-api-conventions.md).\n\n"
        "Systems authenticate with `Authorization: Token <token>` (`werkpad token "
        "USERNAME` prints one). Errors are `application/problem+json` (RFC 9457); a 400 "
        "names every invalid field in `invalidParams`, and unknown fields are refused. "
        "Lists take `page` and `pageSize` (at most 100) and answer `count`, `next`, "
        "`previous` and `results`. An update sends the `version` it read; a stale "
        "version is refused with 409."
    ),
    "VERSION": API_VERSION,
    "CONTACT": {
        "name": "werkpad maintainers",
        "url": "https://werkpad.nl",
        "email": "api@werkpad.nl",
    },
    "LICENSE": {"name": "EUPL-1.2", "url": "https://eupl.eu/1.2/nl/"},
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SCHEMA_PATH_PREFIX_TRIM": True,
    "SERVERS": [{"url": "/api/v1", "description": "this werkpad installation"}],
    "COMPONENT_SPLIT_REQUEST": True,
    "TAGS": [
        {"name": "job-seekers", "description": "The job-seeker file and who accessed it."},
        {"name": "insights", "description": "Aggregates; small cells suppressed where required."},
        {"name": "worklist", "description": "What is due for you, as on the home page."},
        {"name": "notifications", "description": "Your notifications: assigned, terms."},
        {
            "name": "documents",
            "description": "CVs, diplomas, certificates and letters; downloads are audited.",
        },
        {
            "name": "consents",
            "description": "Which parts of the job seeker's file may go to whom (RI5, TR4).",
        },
        {
            "name": "actions",
            "description": "Agreed actions on plans and trajectories: who does what by when (WT1).",
        },
    ],
    "ENUM_NAME_OVERRIDES": {
        "TrajectoryStatusEnum": "werkpad.trajectories.workflow.Status",
        "PlanStatusEnum": "werkpad.plans.workflow.Status",
        "SuppressionEnum": "werkpad.core.suppression.Suppression",
        "LeaveReasonEnum": "werkpad.jobseekers.models.LeaveReason",
        "NotificationKindEnum": "werkpad.notifications.models.Kind",
        "ConversationKindEnum": "werkpad.conversations.models.Kind",
        "KindEnum": "werkpad.plans.models.Kind",
        "SecondOpinionStatusEnum": "werkpad.secondopinions.workflow.Status",
        "SecondOpinionRequestedByEnum": "werkpad.secondopinions.models.RequestedBy",
        "MediationStatusEnum": "werkpad.mediations.workflow.Status",
        "MediationRequestedByEnum": "werkpad.mediations.models.RequestedBy",
        "MediationOutcomeEnum": "werkpad.mediations.models.Outcome",
        "TrajectoryOutcomeEnum": "werkpad.trajectories.models.Outcome",
        "ConsentStatusEnum": "werkpad.consents.workflow.Status",
        "ActionStatusEnum": "werkpad.actions.workflow.Status",
        "ActionOwnerEnum": "werkpad.actions.models.Owner",
        "GrantStatusEnum": "werkpad.grants.models.Status",
        "AssessmentStatusEnum": "werkpad.council.models.assessments.AssessmentStatus",
        "AssessmentAnswerEnum": "werkpad.council.models.assessments.AnswerValue",
        "VacancyReferralStatusEnum": "werkpad.placements.workflow.Status",
        "PlacementContractTypeEnum": "werkpad.placements.models.ContractType",
        "ContractTypeEnum": "werkpad.trajectories.models.ContractType",
        "AdviceRequestStatusEnum": "werkpad.council.advice.workflow.Status",
        "AdviceRequestKindEnum": "werkpad.council.models.advice.AdviceKind",
        # complaints.workflow.Status: its serializers name the values only
        "ComplaintStatusEnum": [
            "received",
            "acknowledged",
            "heard",
            "decided",
            "dissatisfied",
            "reopened",
            "referred",
            "withdrawn",
        ],
        "ComplaintOutcomeEnum": "werkpad.complaints.models.Outcome",
        "ConsentInputChannelEnum": "werkpad.consents.workflow.INPUT_CHANNEL_CHOICES",
        # complaints.models.Channel: its serializers name the values only
        "ComplaintChannelEnum": ["web", "phone", "desk", "letter", "email"],
        "ConsentCreateStatusEnum": "werkpad.consents.workflow.CREATE_STATUS_CHOICES",
        "DocumentTypeEnum": "werkpad.documents.models.Type",
        "InstrumentTypeEnum": "werkpad.instruments.models.InstrumentType",
        "DocumentMalwareCheckEnum": "werkpad.documents.models.MalwareCheck",
        "EducationLevelEnum": "werkpad.jobseekers.models.EducationLevel",
        "VacancyStatusEnum": "werkpad.employers.workflow.Status",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "werkpad.core.api.postprocess_schema",
    ],
    "DISABLE_ERRORS_AND_WARNINGS": False,
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "client_error_without_traceback": {"()": "werkpad.core.log.ClientErrorWithoutTraceback"}
    },
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # A refused request is one line in the log, not a traceback.
        "django.request": {"filters": ["client_error_without_traceback"]},
    },
}
