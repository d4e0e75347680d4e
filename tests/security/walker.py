"""Every URL pattern of the site, walked from the root resolver (never a hand-kept list), and
what one request to it answers, reduced to the outcome the rule table speaks of."""

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.db import models, transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.resolvers import RegexPattern, RoutePattern

# Outcomes, as the rule table writes them.
OK = "200"  # the page (or, for a POST, the form redisplayed with its errors)
DONE = "done"  # a POST accepted: redirected elsewhere than the login page
GO = "302"  # a GET redirected elsewhere than the login page (a role's own space, say)
LOGIN = "login"  # sent to the login page
NO = "403"  # a role that never may
NF = "404"  # another's object, or one that does not exist for this person
NA = "405"  # a method the URL does not take


@dataclass(frozen=True)
class Pattern:
    """One URL pattern: its name as the rule table knows it, and how to build its path."""

    key: str
    parts: tuple  # the patterns from the root resolver down to this one
    params: tuple[str, ...]

    @property
    def is_admin(self) -> bool:
        return self.key.startswith("admin:")


def walk(resolver=None, parts=(), namespace=""):
    """Every pattern under `resolver`, depth first."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from walk(entry, (*parts, entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            chain = (*parts, entry.pattern)
            name = entry.name or str(entry.pattern)
            params = tuple(name for pattern in chain for name in pattern.regex.groupindex)
            yield Pattern(key=f"{namespace}{name}", parts=chain, params=params)


def patterns() -> dict[str, Pattern]:
    """By key; a name given twice (our account_signup over allauth's) is the first one, the
    only one a request can reach."""
    found = {}
    for pattern in walk():
        found.setdefault(pattern.key, pattern)
    return found


ROUTE_PARAM = re.compile(r"<(?:\w+:)?(\w+)>")
REGEX_PARAM = re.compile(r"\(\?P<(\w+)>[^)]*\)")


def path_of(pattern: Pattern, values: dict[str, str]) -> str:
    path = ""
    for part in pattern.parts:
        if isinstance(part, RoutePattern):
            path += ROUTE_PARAM.sub(lambda match: str(values[match.group(1)]), str(part))
        elif isinstance(part, RegexPattern):
            text = REGEX_PARAM.sub(lambda match: str(values[match.group(1)]), str(part))
            path += text.lstrip("^").rstrip("$")
        else:  # LocalePrefixPattern, which the site does not use
            raise AssertionError(f"unexpected URL pattern {part!r}")
    return "/" + path


def outcome(response, *, method: str) -> str:
    if response.status_code in (301, 302):
        location = urlsplit(response.url).path
        if location == reverse(settings.LOGIN_URL):
            return LOGIN
        return DONE if method == "post" else GO
    if response.status_code == 400 and method == "post":
        return OK  # a form redisplayed with its errors: the role may use it
    return str(response.status_code)


def request(client, user, method: str, path: str) -> str:
    """One request by `user` (None: anonymous), whose writes are undone: the next request
    finds the same world, and the same person signed in (a sign-out is undone too)."""
    with transaction.atomic():
        client.logout()
        if user is not None:
            client.force_login(user)
        response = getattr(client, method)(path)
        if response.status_code == 302 and urlsplit(response.url).path == reverse("admin:login"):
            # The admin's own login step: follow it to what the person finally gets.
            response = client.get(response.url)
        transaction.set_rollback(True)
    return outcome(response, method=method)


def value_of(world, param: str, spec) -> str:
    """A URL parameter: the world's object `spec` names (its slug or pk), or `spec` itself."""
    value = getattr(world, spec, spec) if isinstance(spec, str) else spec
    if isinstance(value, models.Model):
        return value.slug if param.endswith("slug") else str(value.pk)
    return str(value)
