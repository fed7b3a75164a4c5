"""The article form as a writing screen, the server's part: the editor's Danish (every message
of django-prose-editor, and the labels static/js/admin-editor.js puts through gettext), the
admin's own JavaScript Danish corrected, the fields' language, the picture as a thumbnail, and
a preview that the admin, and only the admin, may frame. The browser's part is in
tests/browser/test_writing_screen.py."""

import json
import re
from pathlib import Path

import django_prose_editor
import pytest
from django.urls import reverse

from .factories import ArticleFactory

pytestmark = pytest.mark.django_db

EDITOR_MAP = Path(django_prose_editor.__file__).parent / "static/django_prose_editor/editor.js.map"
EDITOR_CATALOGUE = "/admin/jsi18n/"  # the admin's own, with the editor's Danish


def catalogue(client, url: str) -> dict:
    """The messages a JavaScript catalogue (Django's JavaScriptCatalog) sends."""
    script = client.get(url).content.decode()
    return json.loads(re.search(r"const newcatalog = (\{.*?\});\n", script, re.S)[1])


def editor_messages() -> set[str]:
    """Every message django-prose-editor's own code puts through gettext, from its sources
    (kept in its source map)."""
    source_map = json.loads(EDITOR_MAP.read_text())
    messages = set()
    for name, source in zip(source_map["sources"], source_map["sourcesContent"], strict=True):
        if name.startswith("src/"):
            messages |= set(re.findall(r'gettext\(\s*"([^"]+)"', source))
    return messages


def frame_ancestors(response) -> str:
    directives = dict(
        part.strip().partition(" ")[::2] for part in response["Content-Security-Policy"].split(";")
    )
    return directives["frame-ancestors"]


@pytest.fixture
def article(journalist):
    return ArticleFactory(
        draft=True,
        with_image=True,
        created_by=journalist,
        authors=[journalist.author_profile],
    )


def test_every_message_of_the_editor_is_danish(client, journalist):
    client.force_login(journalist)  # the catalogue is the admin's
    messages = editor_messages()
    assert len(messages) > 25 and "Edit Link" in messages  # the sources were found
    danish = catalogue(client, EDITOR_CATALOGUE)
    untranslated = sorted(message for message in messages if danish.get(message) in (None, ""))
    assert not untranslated, untranslated


def test_the_toolbar_labels_are_danish(client, journalist):
    client.force_login(journalist)
    danish = catalogue(client, EDITOR_CATALOGUE)
    for english, expected in {
        "bold": "Fed",
        "italic": "Kursiv",
        "heading 2": "Mellemrubrik",
        "Heading 3": "Lille mellemrubrik",
        "paragraph": "Almindeligt afsnit",
        "unordered list": "Punktopstilling",
        "blockquote": "Citat",
        "insert link": "Indsæt link",
        "undo": "Fortryd",
        "redo": "Gentag",
        "Block style": "Typografi",
        "Reset all classes": "Fjern typografi",
        "%s: default": "%s: almindeligt",
    }.items():
        assert danish.get(english) == expected, english


def test_the_admins_own_javascript_reads_as_danish(client, journalist):
    """Corrections in locale/da (LOCALE_PATHS) reach the admin's catalogue and the editor's."""
    client.force_login(journalist)
    for url in (reverse("admin:jsi18n"), EDITOR_CATALOGUE):
        danish = catalogue(client, url)
        assert danish["Choose a Date"] == "Vælg en dato", url
        assert danish["Choose a Time"] == "Vælg et tidspunkt", url
        assert danish["January"] == "januar" and danish["December"] == "december", url


def test_the_form_writes_danish(client, journalist, article):
    client.force_login(journalist)
    page = client.get(reverse("admin:articles_article_change", args=[article.pk])).content
    page = page.decode()
    title = re.search(r'<input [^>]*id="id_title"[^>]*>', page)[0]
    lead = re.search(r'<textarea [^>]*id="id_lead"[^>]*>', page)[0]
    for field in (title, lead):
        assert 'spellcheck="true"' in field and 'lang="da"' in field, field
    assert 'rows="3"' in lead  # a modest box
    body = re.search(r'<textarea [^>]*id="id_body"[^>]*>', page)[0]
    assert 'data-words-per-minute="200"' in body
    # In the form's joined classic scripts (newsroom/bundles.py), after jQuery.
    bundle = re.search(r'<script src="(/admin/samlet/[^"]+\.js\?f=[^"]+)"></script>', page)[1]
    assert "js/admin-editor.js" in bundle.split("?f=")[1].split(",")


def test_the_picture_is_a_thumbnail_not_a_file_name(client, journalist, article):
    client.force_login(journalist)
    page = client.get(reverse("admin:articles_article_change", args=[article.pk])).content
    page = page.decode()
    thumbnail = re.search(r'<img class="picture-input__thumbnail" src="([^"]+)"', page)
    assert thumbnail and re.search(r"/media/renditions/.+/hero-480\.webp$", thumbnail[1])
    assert "Fjern billedet" in page and 'name="hero_image-clear"' in page
    assert "Aktuelt" not in page and article.hero_image.name not in page.replace(
        f'href="{article.hero_image.url}"', ""
    )
    # A new article has no picture yet: only the file chooser.
    page = client.get(reverse("admin:articles_article_add")).content.decode()
    assert 'type="file" name="hero_image"' in page and "picture-input__thumbnail" not in page


def test_the_preview_panel_is_in_the_page_hidden_until_javascript_shows_it(
    client, journalist, article
):
    client.force_login(journalist)
    preview = reverse("admin:articles_article_preview", args=[article.pk])
    page = client.get(reverse("admin:articles_article_change", args=[article.pk])).content
    page = page.decode()
    panel = re.search(r"<aside [^>]*>", page)[0]
    assert 'class="writing-preview"' in panel and "hidden" in panel
    assert f'data-src="{preview}?ramme=1"' in page
    assert f'<a href="{preview}" target="_blank" rel="noopener">Forhåndsvis</a>' in page
    page = client.get(reverse("admin:articles_article_add")).content.decode()
    assert "writing-preview" not in page


def test_only_the_admin_may_frame_the_preview(client, journalist, article):
    client.force_login(journalist)
    response = client.get(reverse("admin:articles_article_preview", args=[article.pk]))
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert frame_ancestors(response) == "'self'"
    # Everything else stays unframeable: the form itself and the public pages.
    published = ArticleFactory()
    for url in (
        reverse("admin:articles_article_change", args=[article.pk]),
        published.get_absolute_url(),
        "/",
    ):
        response = client.get(url)
        assert response["X-Frame-Options"] == "DENY", url
        assert frame_ancestors(response) == "'none'", url


def test_the_framed_preview_sends_no_scripts(client, journalist, article):
    """The change form's frame is sandboxed without scripts: a preview asked for it
    (``?ramme=1``) sends none, so the browser reports no blocked script."""
    client.force_login(journalist)
    preview = reverse("admin:articles_article_preview", args=[article.pk])
    assert "js/reading-list" in client.get(preview).content.decode()
    framed = client.get(preview + "?ramme=1").content.decode()
    assert "<script src=" not in framed and "Forhåndsvisning" in framed
