"""The search words ("Mente du …?" and compounds) came from every saved article, drafts
included, and were never pruned. Made again from published articles only (PostgreSQL;
SQLite has no search words). From here on articles/signals.py keeps them that way."""

from django.db import migrations

REBUILD = [
    "DELETE FROM articles_searchword",
    """
    INSERT INTO articles_searchword (word)
    SELECT DISTINCT w
    FROM articles_article a,
         regexp_split_to_table(
             lower(regexp_replace(a.title || ' ' || a.lead || ' ' || a.body, '<[^>]+>', ' ', 'g')),
             '[^[:alpha:]]+'
         ) AS w
    WHERE a.status = 'published' AND length(w) BETWEEN 4 AND 60
    ON CONFLICT (word) DO NOTHING
    """,
]


def rebuild(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in REBUILD:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0009_unguessable_upload_names"),
    ]

    # Backwards there is nothing to undo: the words of published articles are still right.
    operations = [migrations.RunPython(rebuild, migrations.RunPython.noop)]
