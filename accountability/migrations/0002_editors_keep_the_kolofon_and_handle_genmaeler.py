"""Editors ("Redaktør") keep the kolofon and handle readers' requests for a genmæle: they see
them, mark them answered or rejected, and may delete one a reader asks to be erased.
Journalists get nothing here: the requests hold readers' personal data (accountability/roles.py).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

APP_LABEL = "accountability"
GROUPS = {
    "Redaktør": [
        "add_kolofon",
        "change_kolofon",
        "view_kolofon",
        "change_genmaelerequest",
        "view_genmaelerequest",
        "delete_genmaelerequest",
    ],
}


def grant(apps, schema_editor):
    app = apps.get_app_config(APP_LABEL)
    app.models_module = True
    create_permissions(app, apps=apps, verbosity=0)
    app.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        permissions = Permission.objects.filter(
            content_type__app_label=APP_LABEL, codename__in=codenames
        )
        if permissions.count() != len(codenames):
            raise RuntimeError(f"Accountability permissions missing for {name}")
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label=APP_LABEL))


class Migration(migrations.Migration):
    dependencies = [
        ("accountability", "0001_initial"),
        ("articles", "0003_newsroom_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
