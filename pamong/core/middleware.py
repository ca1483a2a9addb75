"""Indonesian first: the language is the user's explicit choice, else Indonesian.

Django's LocaleMiddleware follows the browser's Accept-Language; many
officials' browsers say English, and the interface must still speak Indonesian
unless they pick English with the switch (stored in the language cookie).
"""

from __future__ import annotations

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class ChosenLanguageMiddleware(LocaleMiddleware):
    def process_request(self, request):  # type: ignore[no-untyped-def]
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        supported = {code for code, _name in settings.LANGUAGES}
        language = chosen if chosen in supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
