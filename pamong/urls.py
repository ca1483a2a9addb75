from django.contrib import admin
from django.urls import include, path

from pamong.api import api
from pamong.people.views import dashboard

urlpatterns = [
    path("", dashboard.home, name="home"),
    path("", include("pamong.core.urls")),
    path("accounts/", include("allauth.urls")),
    path("me/", include("pamong.accounts.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("people/", include("pamong.people.urls")),
    path("learning/", include("pamong.learning.urls")),
    path("ipasn/", include("pamong.professionalism.urls")),
    path("skm/", include("pamong.satisfaction.urls")),
    path("monev/", include("pamong.monitoring.urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
]
