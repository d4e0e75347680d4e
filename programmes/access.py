"""Who may open which page. Pages check the role here; querysets then scope the objects
(another association's object is a 404, never a 403 that confirms it exists)."""

from functools import wraps

from django.core.exceptions import PermissionDenied

from mentorat.accounts.enums import Role

from .enums import StaffRole
from .models import Association


def role_required(*roles: Role):
    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.user.role not in roles:
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


ministry_required = role_required(Role.MINISTRY)
staff_required = role_required(Role.STAFF)


def staff_associations(user):
    """The associations this person works for (any function)."""
    return Association.objects.filter(memberships__user=user)


def coordinated_associations(user):
    """The associations this person coordinates: they manage its team and programmes."""
    return Association.objects.filter(
        memberships__user=user, memberships__role=StaffRole.COORDINATOR
    )
