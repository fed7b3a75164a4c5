"""Editors ("Redaktør") read the newsletter's subscribers, digests and deliveries in the admin,
and may delete a subscriber who asks to be erased; nobody edits them by hand."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

APP_LABEL = "newsletter"
GROUPS = {
    "Redaktør": ["view_subscriber", "view_digest", "view_delivery", "delete_subscriber"],
}


def grant(apps, schema_editor):
    newsletter = apps.get_app_config(APP_LABEL)
    newsletter.models_module = True
    create_permissions(newsletter, apps=apps, verbosity=0)
    newsletter.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        permissions = Permission.objects.filter(
            content_type__app_label=APP_LABEL, codename__in=codenames
        )
        if permissions.count() != len(codenames):
            raise RuntimeError(f"Newsletter permissions missing for {name}")
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label=APP_LABEL))


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0001_newsletter"),
        ("articles", "0003_newsroom_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
