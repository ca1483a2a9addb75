"""pamong's settings: one file, configured by PAMONG_* environment variables.

Every value that differs between a laptop and production comes from the
environment through the typed helpers below; a secret may also be read from a
file named by the variable with a ``_FILE`` suffix (systemd credentials,
Docker secrets).
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value else default


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


def env_secret(name: str, default: str = "") -> str:
    """A secret from NAME, or from the file named by NAME_FILE."""
    path = os.environ.get(f"{name}_FILE")
    if path:
        return Path(path).read_text(encoding="utf-8").strip()
    return os.environ.get(name, default)


DEBUG = env_bool("PAMONG_DEBUG", False)
DATA_DIR = Path(env_str("PAMONG_DATA_DIR", str(BASE_DIR / "var")))
DATA_DIR.mkdir(parents=True, exist_ok=True)

SECRET_KEY = env_secret("PAMONG_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG and not env_bool("PAMONG_INSECURE_DEV_KEY", False):
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured("PAMONG_SECRET_KEY (or PAMONG_SECRET_KEY_FILE) must be set")
    SECRET_KEY = "pamong-development-key-not-for-production-use-0123456789abcdef"

ALLOWED_HOSTS = env_list("PAMONG_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("PAMONG_CSRF_TRUSTED_ORIGINS")
SITE_URL = env_str("PAMONG_SITE_URL", "http://127.0.0.1:8000")
REGENCY_NAME = env_str("PAMONG_REGENCY_NAME", "Kabupaten Contoh")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "axes",
    "rules.apps.AutodiscoverRulesConfig",
    "django_htmx",
    "template_partials",
    "tree_queries",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "ninja",
    "csp",
    "pamong.core",
    "pamong.accounts",
    "pamong.people",
    "pamong.learning",
    "pamong.professionalism",
    "pamong.satisfaction",
    "pamong.monitoring",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "pamong.core.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "pamong.accounts.middleware.RequireTwoFactorMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "pamong.urls"
WSGI_APPLICATION = "pamong.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "pamong" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "pamong.accounts.context_processors.navigation",
            ],
        },
    }
]


def _database(url: str) -> dict:
    """A Django DATABASES entry from ``sqlite:///path`` or ``postgresql://...``."""
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        path = unquote(parts.path[1:]) if parts.path.startswith("/") else parts.path
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": path or str(DATA_DIR / "pamong.sqlite3"),
            # WAL lets readers go on while one writer writes; IMMEDIATE takes the
            # write lock at BEGIN so two writers queue instead of deadlocking.
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": 30,
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                    "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;"
                ),
            },
        }
    if parts.scheme in {"postgres", "postgresql"}:
        options: dict = {}
        if env_bool("PAMONG_DB_POOL", False):
            options["pool"] = {"min_size": 2, "max_size": env_int("PAMONG_DB_POOL_MAX", 10)}
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parts.path.lstrip("/")),
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or "") or env_secret("PAMONG_DB_PASSWORD"),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
            "OPTIONS": options,
        }
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(f"Unsupported PAMONG_DATABASE_URL scheme: {parts.scheme!r}")


DATABASES = {"default": _database(env_str("PAMONG_DATABASE_URL", f"sqlite:///{DATA_DIR / 'pamong.sqlite3'}"))}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"

# allauth: log in with username or e-mail; accounts are created by the BKD, not by sign-up.
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_ADAPTER = "pamong.accounts.adapter.AccountAdapter"
ACCOUNT_LOGOUT_ON_GET = False
# Per-account lockout is django-axes' job (it keeps the record); allauth only
# throttles one address spraying many accounts.
ACCOUNT_RATE_LIMITS = {"login_failed": "30/m/ip"}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "pamong"

# django-axes keeps the lockout record: 5 failures lock a username+address for 30 minutes.
AXES_FAILURE_LIMIT = env_int("PAMONG_LOCKOUT_FAILURES", 5)
AXES_COOLOFF_TIME = 0.5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_FORM_FIELD = "login"
AXES_USERNAME_CALLABLE = "pamong.accounts.lockout.lockout_username"
AXES_LOCKOUT_TEMPLATE = "account/locked_out.html"

SESSION_COOKIE_AGE = env_int("PAMONG_SESSION_SECONDS", 60 * 60 * 8)
SESSION_SAVE_EVERY_REQUEST = True  # the timeout counts from the last request, not the log-in
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

CACHES = {
    # Rate limits and lockouts must be shared by every worker process.
    "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "pamong_cache"}
}

TASKS = {"default": {"BACKEND": env_str("PAMONG_TASK_BACKEND", "django_tasks_db.DatabaseBackend")}}

LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "pamong" / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "pamong" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
MEDIA_ROOT = DATA_DIR / "media"
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
IMPORT_MAX_UPLOAD_BYTES = env_int("PAMONG_IMPORT_MAX_BYTES", 100 * 1024 * 1024)
# Imports with more rows than this run in the background worker.
IMPORT_BACKGROUND_ROWS = env_int("PAMONG_IMPORT_BACKGROUND_ROWS", 2000)

EMAIL_BACKEND = env_str("PAMONG_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("PAMONG_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("PAMONG_EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("PAMONG_EMAIL_USER")
EMAIL_HOST_PASSWORD = env_secret("PAMONG_EMAIL_PASSWORD")
EMAIL_USE_TLS = env_bool("PAMONG_EMAIL_TLS", False)
DEFAULT_FROM_EMAIL = env_str("PAMONG_EMAIL_FROM", "pamong@localhost")

# Strict CSP: no inline script or style anywhere; data reaches scripts through json_script.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("PAMONG_SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = env_bool("PAMONG_SECURE_COOKIES", True)
    SECURE_SSL_REDIRECT = env_bool("PAMONG_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("PAMONG_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_REDIRECT_EXEMPT = [r"^health$"]  # a local monitor may ask over plain HTTP

NINJA_PAGINATION_PER_PAGE = 50
NINJA_PAGINATION_MAX_LIMIT = 500

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        # Exception messages can quote personal data (a unique-key violation names
        # the NIP): logs keep the exception class and the stack, not the message.
        "plain": {
            "()": "pamong.core.logging.RedactingFormatter",
            "format": "%(asctime)s %(levelname)s %(process)d %(name)s %(message)s",
        }
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("PAMONG_LOG_LEVEL", "INFO")},
    "loggers": {
        # Request bodies can carry personal data: log what failed, not what was sent.
        "django.request": {"level": "ERROR"},
        "django.db.backends": {"level": "INFO"},  # never SQL parameters, whatever the root level
        "axes": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
