"""What the summaries' builders share: how many rows they read and write at a time, and the
day a moment falls on in the site's time zone."""

from django.utils import timezone

CHUNK = 1000  # rows per INSERT: under PostgreSQL's 65,535 parameters for the widest fact


def local_date(value):
    return timezone.localdate(value) if value is not None else None
