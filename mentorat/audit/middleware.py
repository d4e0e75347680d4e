"""Who made each change: django-auditlog's middleware, with the visitor's address read the
way the rate limits read it (``client_ip``: never a header a visitor can forge), and a mark
on what the administration site does."""

from contextvars import ContextVar

from auditlog.middleware import AuditlogMiddleware
from django.conf import settings

from mentorat.accounts.client_ip import client_ip
from mentorat.events import file_viewed

_admin_request: ContextVar[bool] = ContextVar("audit_admin_request", default=False)

# The admin's page for a youth's file: opening it is a read of the file like the vetting page.
ADMIN_YOUTH_PAGE = "programmes_youthprofile_change"


def request_is_admin() -> bool:
    return _admin_request.get()


class AuditMiddleware(AuditlogMiddleware):
    @staticmethod
    def _get_remote_addr(request):
        return client_ip(request)

    @staticmethod
    def _get_remote_port(request):
        return None

    def __call__(self, request):
        token = _admin_request.set(request.path.startswith(f"/{settings.ADMIN_URL}"))
        try:
            return super().__call__(request)
        finally:
            _admin_request.reset(token)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if (
            request.method == "GET"
            and match is not None
            and match.url_name == ADMIN_YOUTH_PAGE
            and request.user.is_authenticated
        ):
            from programmes.models import YouthProfile

            youth = YouthProfile.objects.filter(pk=view_kwargs.get("object_id")).first()
            if youth is not None:
                file_viewed.send(sender=YouthProfile, instance=youth, by=request.user)
        return None
