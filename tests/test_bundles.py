"""The article form's stylesheets and scripts joined in a few files (issue 21: the change form
with at most 20 requests): what the page links, and what the joined files hold."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from .factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def form_page(client, editor):
    client.force_login(editor)
    article = ArticleFactory(with_image=True)
    page = client.get(reverse("admin:articles_article_change", args=[article.pk]))
    assert page.status_code == 200
    return page.content.decode()


def linked(page: str) -> tuple[list[str], list[str]]:
    styles = re.findall(r'<link rel="stylesheet" href="([^"]+)"', page)
    styles += re.findall(r'<link href="([^"]+)"[^>]*rel="stylesheet"', page)
    scripts = re.findall(r'<script src="([^"]+)"', page)
    return [s.replace("&amp;", "&") for s in styles], [s.replace("&amp;", "&") for s in scripts]


def test_the_form_links_a_few_files_not_thirty(form_page):
    styles, scripts = linked(form_page)
    assert len(styles) == 1 and styles[0].startswith("/admin/samlet/")
    # The catalogue, the classic scripts joined, two ES modules, the deferred ones joined,
    # and the three that read their own element or come with their part of the page.
    assert len(scripts) <= 8, scripts
    assert sum(script.startswith("/admin/samlet/") for script in scripts) == 2
    assert '<script type="importmap">' in form_page


def test_the_stylesheet_bundle_holds_every_sheet_with_absolute_addresses(client, form_page):
    (address,), _ = linked(form_page)
    response = client.get(address)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/css")
    assert "immutable" in response["Cache-Control"]
    css = response.content.decode()
    files = parse_qs(urlsplit(address).query)["f"][0].split(",")
    for name in files:
        assert f"/* {name.partition('@')[0]} */" in css, name
    # forms.css's @import of widgets.css is put in place; relative addresses are absolute.
    assert "@import" not in css and "/* admin/css/widgets.css */" not in css
    assert ".selector {" in css or ".selector-available" in css  # from widgets.css
    assert "url(/static/admin/img/search.svg)" in css
    assert "url(/static/django_prose_editor/material-icons.woff2)" in css
    assert "url(../" not in css and "url(./" not in css
    assert "@media screen {" in css  # select2's sheet keeps its medium
    # Ours after the admin's, so it wins where both say something.
    assert css.index("/* admin/css/base.css */") < css.index("/* css/admin.css */")


def test_the_script_bundle_runs_the_scripts_in_their_order(client, form_page):
    _, scripts = linked(form_page)
    classic = next(s for s in scripts if s.startswith("/admin/samlet/"))
    js = client.get(classic).content.decode()
    names = ["admin/js/theme", "admin/js/vendor/jquery/jquery", "admin/js/jquery.init"]
    order = [re.search(rf"/\* {re.escape(name)}(\.min)?\.js \*/", js).start() for name in names]
    assert order == sorted(order)
    assert "/* django_prose_editor/editor.js */" not in js  # a module: linked as it is


@pytest.mark.parametrize(
    "query",
    [
        "f=../../settings.py",
        "f=admin/css/base.css,../secret.css",
        "f=/etc/passwd.css",
        "f=admin/js/core.js",  # another kind
        "f=admin/css/nothing-here.css",
        "f=admin/css/base.css@screen}body{display:none",  # a medium is one of a few words
        "",
    ],
)
def test_a_bundle_serves_only_static_files_of_its_kind(client, query):
    assert client.get(f"/admin/samlet/0123456789abcdef0123.css?{query}").status_code == 404


def test_a_bundle_from_another_release_is_not_served(client, form_page):
    (address,), _ = linked(form_page)
    path, _, query = address.partition("?")
    tampered = re.sub(r"/samlet/[0-9a-f]+\.", "/samlet/0000000000aaaaaaaaaa.", path)
    assert client.get(f"{tampered}?{query}").status_code == 404


def test_a_bundle_takes_no_medium_but_the_few_widgets_name(client):
    """Anyone can work out a digest (names and public versions): what the query names is
    checked for itself, so no text of a visitor's lands in a stylesheet of the site's."""
    from newsroom import bundles

    bad = ("admin/css/base.css@screen}body{display:none",)
    url = f"/admin/samlet/{bundles.digest(bad)}.css?f={bad[0]}"
    assert client.get(url).status_code == 404
    good = ("admin/css/base.css@screen",)
    assert client.get(f"/admin/samlet/{bundles.digest(good)}.css?f={good[0]}").status_code == 200
