"""An association's programmes: its staff see them, its coordinators create and edit them."""

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from ..access import association_coordinated, association_of_staff, is_coordinator, staff_required
from ..forms.programme_settings import ProgrammeForm


@staff_required
@require_GET
def programme_list(request, slug):
    association = association_of_staff(request, slug)
    return render(
        request,
        "programmes/programme_settings/list.html",
        {
            "association": association,
            "programmes": association.programmes.with_youth_count()
            .prefetch_related("departements")
            .order_by("name"),
            "can_manage": is_coordinator(request.user, association),
            "section": "programmes",
        },
    )


@staff_required
def programme_create(request, slug):
    association = association_coordinated(request, slug)
    return programme_form_page(request, association, programme=None)


@staff_required
def programme_edit(request, slug, programme_slug):
    association = association_coordinated(request, slug)
    programme = get_object_or_404(association.programmes, slug=programme_slug)
    return programme_form_page(request, association, programme=programme)


def programme_form_page(request, association, *, programme):
    form = ProgrammeForm(association=association, instance=programme, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                saved = form.save()
        except IntegrityError:  # another programme took the same slug in the meantime
            form.add_error(None, _("Un programme vient d’être créé sous ce nom : réessayez."))
        else:
            messages.success(
                request, _("Le programme « %(name)s » est enregistré.") % {"name": saved.name}
            )
            return redirect("programmes:programme_list", slug=association.slug)
    return render(
        request,
        "programmes/programme_settings/form.html",
        {"association": association, "form": form, "programme": programme, "section": "programmes"},
    )
