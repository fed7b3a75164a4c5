"""Editors link an author to the user account they write from (the author form's "brugerkonto"
field, an autocomplete of user accounts), which needs the right to see user accounts. Without
it the autocomplete answered 403 and the link could not be made."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

APP_LABEL = "auth"
GROUPS = {"Redaktør": ["view_user"]}


def grant(apps, schema_editor):
    auth = apps.get_app_config(APP_LABEL)
    auth.models_module = True
    create_permissions(auth, apps=apps, verbosity=0)
    auth.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        permissions = Permission.objects.filter(
            content_type__app_label=APP_LABEL, codename__in=codenames
        )
        if permissions.count() != len(codenames):
            raise RuntimeError(f"Permissions missing for {name}: {codenames}")
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label=APP_LABEL, codename__in=GROUPS[group.name]
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0010_search_words_from_published"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
