"""One way to cut a list page: the page asked for (the first if the number is wrong), with
the elided range of page links that templates/_pagination.html shows."""

from django.core.paginator import Page, Paginator


def paginate(request, rows, per_page: int, *, param: str = "page") -> Page:
    page = Paginator(rows, per_page).get_page(request.GET.get(param))
    page.pages_list = page.paginator.get_elided_page_range(page.number)
    return page
