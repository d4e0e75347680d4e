"""Every URL of the site, requested by every role: each gets what the rule table says
(tests/security/rules.py), and a URL without a rule fails here until someone writes one."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from django.test import Client

from mentorat.accounts.models import User

from .rules import RULES, rule_for
from .walker import LOGIN, Pattern, path_of, patterns, request, value_of
from .world import ROLES, build_world

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def as_in_production(settings):
    """Staff, ministry and admins need two factors (the world's have set them up)."""
    settings.MFA_REQUIRED = True


def test_every_url_pattern_has_a_rule_and_every_rule_a_url():
    found = patterns()
    missing = [pattern for key, pattern in found.items() if rule_for(key) is None]
    stale = [key for key in RULES if key != "admin:*" and key not in found]
    lines = [
        f'    "{pattern.key}": get("<one cell per role>"'
        + "".join(f", {param}=..." for param in pattern.params)
        + "),"
        for pattern in missing
    ]
    assert not missing, (
        "URL patterns without a rule: add a row to tests/security/rules.py, saying what each "
        "role MUST get:\n" + "\n".join(lines)
    )
    assert not stale, f"Rules for URLs that no longer exist: {stale}"


# The admin's URLs name its objects generically.
def admin_values(world, pattern: Pattern) -> dict[str, str]:
    superuser = world.users["superuser"]
    values = {
        "object_id": str(superuser.pk),
        "id": str(superuser.pk),
        "content_type_id": str(ContentType.objects.get_for_model(User).pk),
        "app_label": "accounts",
        "url": "accounts/user",  # the catch-all: sends this on to its page
    }
    return {param: values[param] for param in pattern.params}


def requests_for(world, pattern: Pattern, role: str):
    """(path, why) for each request this role makes to this pattern: A's objects, and for
    B's coordinator also their own association's address with A's objects in it."""
    rule = rule_for(pattern.key)
    if pattern.is_admin:
        yield path_of(pattern, admin_values(world, pattern)), ""
        return
    values = {param: value_of(world, param, rule.params[param]) for param in pattern.params}
    yield path_of(pattern, values), ""
    names_an_object = any(
        isinstance(getattr(world, str(spec), None), Model)
        for param, spec in rule.params.items()
        if param not in ("slug", "programme_slug")
    )
    if role == "other_staff" and "slug" in values and names_an_object:
        own = {"slug": world.other_association.slug}
        if "programme_slug" in values:
            own["programme_slug"] = world.other_programme.slug
        yield path_of(pattern, {**values, **own}), " (their own association's address)"


def matches(expected: str, got: str) -> bool:
    if expected == "open":
        return got not in (LOGIN, "500")
    return expected == got


@pytest.mark.parametrize("key", sorted(RULES))
def test_each_role_gets_what_its_rule_says(key):
    world = build_world()
    found = patterns()
    if key == "admin:*":
        selected = [
            pattern for pattern in found.values() if pattern.is_admin and pattern.key not in RULES
        ]
    elif key in found:
        selected = [found[key]]
    else:
        pytest.skip("no such URL (the other test says so)")
    client = Client()
    wrong = []
    for pattern in selected:
        rule = rule_for(pattern.key)
        for role in ROLES:
            expected = rule.expected[role]
            for path, why in requests_for(world, pattern, role):
                got = request(client, world.users[role], rule.method, path)
                if not matches(expected, got):
                    wrong.append(
                        f"{role:>14} {rule.method.upper()} {path}{why}: "
                        f"must get {expected}, got {got}"
                    )
    assert not wrong, f"{key}:\n" + "\n".join(wrong)
