from django import template

from newsroom.people import display_name

register = template.Library()


@register.filter
def person(user, unknown: str = "ukendt") -> str:
    """``{{ event.actor|person }}``: the user's name (newsroom.people.display_name)."""
    return display_name(user, unknown)
