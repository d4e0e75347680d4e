from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from mentorat.accounts.views import RoleAwareSignupView

urlpatterns = [
    path("", include("mentorat.core.urls")),
    path("", include("programmes.urls")),
    path("", include("matching.urls")),
    path("", include("evaluations.urls")),
    # Before allauth's own sign-up, which it replaces.
    path("comptes/signup/", RoleAwareSignupView.as_view(), name="account_signup"),
    path("comptes/", include("allauth.urls")),
    # Anyone may switch languages, signed in or not.
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("admin/", admin.site.urls),
]
