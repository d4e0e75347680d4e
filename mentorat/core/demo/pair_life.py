"""The life of the showcase pair in the demo: its objectives, meetings and questionnaires.

seed_demo calls this last, on every run, with the showcase pair once it is active (started on
the day of the first seed, through the site's workflow). What is written here must be made
through the site's own functions and be idempotent, like the rest of the demo."""

from .showcase import Showcase


def seed_pair_life(showcase: Showcase) -> None:
    """Nothing yet: the pair is active, with no meeting, objective or questionnaire."""
