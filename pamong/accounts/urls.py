from django.urls import path

from . import views

urlpatterns = [
    path("tokens/", views.token_list, name="api_tokens"),
    path("tokens/new/", views.token_create_view, name="api_token_create"),
    path("tokens/<int:pk>/revoke/", views.token_revoke_view, name="api_token_revoke"),
]
