from django.db import migrations, models


def count_published(apps, schema_editor):
    """The version's count starts right: from here on every change counts again."""
    Article = apps.get_model("articles", "Article")
    ContentVersion = apps.get_model("articles", "ContentVersion")
    ContentVersion.objects.filter(pk=1).update(
        published=Article.objects.filter(status="published", published_at__isnull=False).count()
    )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0018_quote_check_events"),
    ]

    operations = [
        migrations.AddField(
            model_name="contentversion",
            name="published",
            field=models.PositiveIntegerField(
                default=0, verbose_name="udgivne artikler, planlagte medregnet"
            ),
        ),
        migrations.RunPython(count_published, migrations.RunPython.noop),
    ]
