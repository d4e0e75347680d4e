"""The visitor's address, as every rate limit sees it (ours and allauth's)."""

import ipaddress

from django.conf import settings


def client_ip(request) -> str:
    """REMOTE_ADDR, or behind a reverse proxy the one address it puts in CLIENT_IP_HEADER.

    A request that reaches the site without the header (or with something that is not an
    address in it) counts under the address it came from.
    """
    if settings.CLIENT_IP_HEADER:
        forwarded = request.headers.get(settings.CLIENT_IP_HEADER, "").strip()
        try:
            return str(ipaddress.ip_address(forwarded))
        except ValueError:
            pass
    return request.META["REMOTE_ADDR"]
