"""The editors' desk's "Genmæler": the open requests for a genmæle, oldest first, each with
when it arrived, when its article was published and whether it arrived within the four
weeks (models.arrived_in_time). One query however many; nothing for anyone but an editor
(roles.py). almene/admin.py puts it on the desk beside the articles' lists."""

from __future__ import annotations

from .models import GenmaeleRequest
from .roles import can_handle_genmaele


def open_requests(user) -> list[GenmaeleRequest] | None:
    """The open requests for ``user``'s desk, or None when they are not to see them."""
    if not can_handle_genmaele(user):
        return None
    return list(
        GenmaeleRequest.objects.filter(status=GenmaeleRequest.Status.OPEN)
        .select_related("article")
        .only(
            "received_at",
            "article_text",
            "article_published_at",
            "name",
            "status",
            "article__title",
            "article__slug",
        )
        .order_by("received_at", "pk")
    )
