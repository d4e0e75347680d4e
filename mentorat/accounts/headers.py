"""The Permissions-Policy header (browser features the platform never uses), from the
PERMISSIONS_POLICY setting: {feature: [allowed origins]}, an empty list denying it to all."""

from django.conf import settings


def permissions_policy(policy: dict[str, list[str]]) -> str:
    return ", ".join(f"{feature}=({' '.join(origins)})" for feature, origins in policy.items())


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.header = permissions_policy(settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response
