from functools import cache

from mentorat.accounts.enums import Role

from .models import Pair


def pairs_awaiting_answer(request) -> dict:
    """How many approved proposals wait for this youth's or mentor's answer: the header and
    their space point to them. Counted once, and only on pages that show it (templates call
    the function when they first read the variable)."""

    @cache
    def count() -> int:
        user = request.user
        if not user.is_authenticated or user.role not in (Role.YOUTH, Role.MENTOR):
            return 0
        side = "youth" if user.role == Role.YOUTH else "mentor"
        return (
            Pair.objects.awaiting_answers()
            .filter(**{f"{side}__user": user, f"{side}_answer": ""})
            .count()
        )

    return {"pairs_awaiting_answer": count}
