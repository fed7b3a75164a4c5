from django import template

from articles.people import display_name

register = template.Library()


@register.filter
def person(user, unknown: str = "ukendt") -> str:
    """``{{ event.actor|person }}``: the user's name (articles.people.display_name)."""
    return display_name(user, unknown)
