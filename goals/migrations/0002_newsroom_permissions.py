"""Editors maintain Almene mål; journalists may read the goals, to pick them for articles."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = ["goalprogramme", "goal", "effort", "indicator", "measurement"]
EDITOR = [f"{action}_{model}" for model in MODELS for action in ("add", "change", "delete", "view")]
JOURNALIST = ["view_goalprogramme", "view_goal"]
GROUPS = {"Journalist": JOURNALIST, "Redaktør": EDITOR}


def grant(apps, schema_editor):
    goals = apps.get_app_config("goals")
    goals.models_module = True
    create_permissions(goals, apps=apps, verbosity=0)
    goals.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        permissions = Permission.objects.filter(
            content_type__app_label="goals", codename__in=codenames
        )
        if permissions.count() != len(codenames):
            raise RuntimeError(f"Goal permissions missing for {name}")
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="goals"))


class Migration(migrations.Migration):
    dependencies = [
        ("goals", "0001_initial"),
        ("articles", "0003_newsroom_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
