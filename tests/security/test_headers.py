"""Every page carries a Content-Security-Policy that allows no inline script, and a
Permissions-Policy; no template holds an inline script or an on*= handler."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


def test_scripts_come_only_from_the_site_or_with_the_pages_nonce(client):
    response = client.get(reverse("programmes:youth_signup"))

    script_src = directives(response)["script-src"]
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert script_src[0] == "'self'"
    nonce = re.search(r"'nonce-([^']+)'", " ".join(script_src)).group(1)
    # Each script tag of the page is a file of the site, and carries the nonce.
    tags = re.findall(r"<script\b[^>]*>", response.content.decode())
    assert tags
    for tag in tags:
        assert 'src="/static/' in tag, tag
    assert f'nonce="{nonce}"' in response.content.decode()  # DSFR's own scripts carry it


def test_the_policy_forbids_framing_plugins_and_other_origins(client):
    policy = directives(client.get(reverse("core:home")))

    assert policy["default-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]


def test_each_response_has_its_own_nonce(client):
    first = directives(client.get(reverse("account_login")))["script-src"]
    second = directives(client.get(reverse("account_login")))["script-src"]
    assert first != second


def test_browser_features_the_platform_never_uses_are_denied(client):
    header = client.get(reverse("core:home"))["Permissions-Policy"]

    for feature in ("camera", "microphone", "geolocation", "payment"):
        assert f"{feature}=()" in header


TEMPLATES = Path(settings.BASE_DIR) / "templates"
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
HANDLER = re.compile(r"""\son[a-z]+\s*=\s*["']""", re.IGNORECASE)


@pytest.mark.parametrize(
    "path", sorted(TEMPLATES.rglob("*.html")), ids=lambda path: str(path.relative_to(TEMPLATES))
)
def test_no_template_holds_an_inline_script_or_handler(path):
    text = path.read_text()

    assert not INLINE_SCRIPT.search(text), "move the script to static/js/"
    assert not HANDLER.search(text), "attach the handler from a file of static/js/"
