"""Settings for the test suite: production settings with plain-HTTP test servers allowed.

Environment defaults are set before the real settings module reads them; a
PAMONG_DATABASE_URL in the environment (the PostgreSQL run) still wins.
"""

import os

os.environ.setdefault("PAMONG_INSECURE_DEV_KEY", "1")
os.environ.setdefault("PAMONG_SSL_REDIRECT", "0")
os.environ.setdefault("PAMONG_SECURE_COOKIES", "0")
os.environ.setdefault("PAMONG_TASK_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")

from pamong.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed only; production uses Argon2
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405 - whitenoise warns when it is missing
# The live server of the browser journeys serves static files straight from the apps.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
