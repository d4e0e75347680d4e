"""What a staff member may reach: the associations they work for and those associations'
programmes. Anyone else's is a 404, never a 403 that would confirm it exists."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from programmes.access import coordinated_associations, staff_associations
from programmes.models import Association, Programme


def association_of_staff(request, slug) -> Association:
    return get_object_or_404(staff_associations(request.user), slug=slug)


def programme_of_staff(request, slug, programme_slug) -> Programme:
    programmes = Programme.objects.filter(association__memberships__user=request.user)
    return get_object_or_404(
        programmes.select_related("association"), association__slug=slug, slug=programme_slug
    )


def is_coordinator(user, association: Association) -> bool:
    return coordinated_associations(user).filter(pk=association.pk).exists()


def programme_coordinated(request, slug, programme_slug) -> Programme:
    """As programme_of_staff, and a 403 for a referent of the association."""
    programme = programme_of_staff(request, slug, programme_slug)
    if not is_coordinator(request.user, programme.association):
        raise PermissionDenied
    return programme
