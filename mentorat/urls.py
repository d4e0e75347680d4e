from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from programmes.views.signup import signup_choice

# The admin has no login form of its own: it sends people to the site's, and its limits on
# failed attempts (allauth's, per visitor and per address).
admin.site.login = secure_admin_login(admin.site.login)

urlpatterns = [
    path("", include("mentorat.core.urls")),
    path("", include("mentorat.legal.urls")),
    path("", include("programmes.urls")),
    path("", include("matching.urls")),
    path("", include("evaluations.urls")),
    path("", include("mentorat.notifications.urls")),
    path("", include("mentorat.audit.urls")),
    path("", include("mentorat.privacy.urls")),
    path("", include("mentorat.dashboards.urls")),
    # One way in per role: the account sign-up page leads to the youth's or the mentor's.
    path("comptes/signup/", signup_choice, name="account_signup"),
    path("comptes/", include("allauth.urls")),
    # Anyone may switch languages, signed in or not.
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path(settings.ADMIN_URL, admin.site.urls),
]

# The database away answers 503 in French (mentorat/outage.py); any other error the 500 page.
handler500 = "mentorat.outage.server_error_or_unavailable"
