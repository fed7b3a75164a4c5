from django.db import migrations, models


def write_schedule(apps, schema_editor):
    """The version's schedule starts right: from here on every change writes it again."""
    from django.utils import timezone

    Article = apps.get_model("articles", "Article")
    ContentVersion = apps.get_model("articles", "ContentVersion")
    moments = (
        Article.objects.filter(status="published", published_at__gt=timezone.now())
        .order_by("published_at")
        .values_list("published_at", flat=True)[:200]  # store.SCHEDULE_KEPT when this was written
    )
    ContentVersion.objects.filter(pk=1).update(schedule=[moment.timestamp() for moment in moments])


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0019_content_version_published_count"),
    ]

    operations = [
        migrations.AddField(
            model_name="contentversion",
            name="schedule",
            field=models.JSONField(blank=True, default=list, verbose_name="planlagte udgivelser"),
        ),
        migrations.RunPython(write_schedule, migrations.RunPython.noop),
    ]
