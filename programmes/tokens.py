"""Secret links (a parent's consent, a staff invitation): the database keeps only a digest.

A token is shown once, in the email that carries the link; what is stored is its SHA-256, so
reading the table (a backup, the admin, a leaked dump) gives nothing that opens a page. The
tokens are 256 random bits: a plain hash is enough, no salt or slow hashing is needed.

`HashedTokenField` does the hashing: a new token (`new_token()`) stays readable on the object
that made it, for the email sent right after; the value saved, and anything read back from
the database, is the digest. Looking a row up by the token from a link is
`with_token(queryset, token)`, which compares the digests in constant time.
"""

import hashlib
import hmac
import secrets

from django.db import models


class Digest(str):
    """A value read from the database: already a digest, never hashed again."""


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


class HashedTokenField(models.CharField):
    """Stores the SHA-256 of the token it is given; lookups hash the token they are given."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 64)
        super().__init__(*args, **kwargs)

    def from_db_value(self, value, expression, connection):
        return None if value is None else Digest(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None or isinstance(value, Digest):
            return value
        return digest(value)


def with_token(queryset, token: str):
    """The row whose token this is, or None."""
    found = queryset.filter(token=token).first()
    if found is None or not hmac.compare_digest(str(found.token), digest(token)):
        return None
    return found
