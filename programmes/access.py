"""Who may open which page. Pages check the role here; querysets then scope the objects
(another association's object is a 404, never a 403 that confirms it exists)."""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from mentorat.accounts.enums import Role

from .enums import StaffRole
from .models import Association, Programme


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


def is_coordinator(user, association: Association) -> bool:
    return coordinated_associations(user).filter(pk=association.pk).exists()


def association_of_staff(request, slug) -> Association:
    """One of the associations this person works for; any other is a 404."""
    return get_object_or_404(staff_associations(request.user), slug=slug)


def association_coordinated(request, slug) -> Association:
    """As above, and a 403 for staff of the association who do not coordinate it."""
    association = association_of_staff(request, slug)
    if not is_coordinator(request.user, association):
        raise PermissionDenied
    return association


def programme_of_staff(request, slug, programme_slug) -> Programme:
    """A programme of one of the associations this person works for; any other is a 404."""
    programmes = Programme.objects.filter(association__memberships__user=request.user)
    return get_object_or_404(
        programmes.select_related("association"), association__slug=slug, slug=programme_slug
    )


def programme_coordinated(request, slug, programme_slug) -> Programme:
    """As programme_of_staff, and a 403 for a referent of the association."""
    programme = programme_of_staff(request, slug, programme_slug)
    if not is_coordinator(request.user, programme.association):
        raise PermissionDenied
    return programme
