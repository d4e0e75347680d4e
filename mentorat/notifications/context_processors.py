from functools import cache

from .models import Notification


def unread_notifications(request) -> dict:
    """How many notifications this person has not read: the header shows it. Counted once,
    and only on pages that show it (templates call the function when they read it)."""

    @cache
    def count() -> int:
        user = request.user
        if not user.is_authenticated:
            return 0
        return Notification.objects.of(user).unread().count()

    return {"unread_notifications": count}
