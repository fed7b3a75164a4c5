"""The newsroom's two roles, with their permissions.

Journalists write: they create articles, edit their own and send them for review. Editors
also publish, schedule, unpublish, curate related articles and the front page, and manage
sections, authors and tags. What each may do to a given article is decided in the admin
(newsroom/admin.py); these are the permissions it starts from.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

JOURNALIST = [
    "add_article",
    "change_article",
    "delete_article",
    "view_article",
    "add_articleauthor",
    "change_articleauthor",
    "delete_articleauthor",
    "view_articleauthor",
    "add_taggedarticle",
    "change_taggedarticle",
    "delete_taggedarticle",
    "view_taggedarticle",
    "add_tag",
    "view_tag",
    "view_author",
    "view_section",
]
EDITOR = JOURNALIST + [
    "publish_article",
    "curate_article",
    "add_relatedarticle",
    "change_relatedarticle",
    "delete_relatedarticle",
    "view_relatedarticle",
    "change_tag",
    "delete_tag",
    "add_author",
    "change_author",
    "delete_author",
    "add_section",
    "change_section",
    "delete_section",
    "view_articleslugredirect",
    "delete_articleslugredirect",
]
GROUPS = {"Journalist": JOURNALIST, "Redaktør": EDITOR}


def create_groups(apps, schema_editor):
    # Permissions are normally made after all migrations; these groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        permissions = Permission.objects.filter(
            content_type__app_label="articles", codename__in=codenames
        )
        missing = set(codenames) - set(permissions.values_list("codename", flat=True))
        if missing:
            raise RuntimeError(f"Permissions not found for {name}: {sorted(missing)}")
        group.permissions.add(*permissions)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_editorial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
