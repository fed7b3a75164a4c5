"""Feeds, sitemaps, robots.txt and the metadata search engines and social media read."""

import json
import re
import xml.etree.ElementTree as ET

import pytest

from newsroom import workflow

from .factories import ArticleFactory, AuthorFactory, GoalFactory, SectionFactory, UserFactory

pytestmark = pytest.mark.django_db
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def xml(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return ET.fromstring(response.content)


class TestFeeds:
    def test_latest_articles_feed(self, client):
        author = AuthorFactory(name="Mette Holm")
        ArticleFactory(title="Udgivet", lead="Manchetten.", authors=[author], with_image=True)
        ArticleFactory(title="Kladde", draft=True)
        ArticleFactory(title="Planlagt", scheduled=True)
        root = xml(client, "/feeds/artikler/")
        channel = root.find("channel")
        assert channel.findtext("language") == "da"
        items = channel.findall("item")
        assert [item.findtext("title") for item in items] == ["Udgivet"]
        item = items[0]
        assert item.findtext("description") == "Manchetten."
        assert item.findtext("link").startswith("http://testserver/artikler/")
        enclosure = item.find("enclosure")
        assert enclosure.get("type") == "image/jpeg"
        assert enclosure.get("url").startswith("http://testserver/media/renditions/")

    @pytest.mark.parametrize("kind", ["section", "tag", "author", "goal"])
    def test_feeds_per_section_tag_author_and_goal(self, client, kind):
        section, author, goal = SectionFactory(), AuthorFactory(), GoalFactory()
        mine = ArticleFactory(title="Med", section=section, authors=[author], tags=["Ældre"])
        mine.goals.add(goal)
        ArticleFactory(title="Uden")
        url = {
            "section": f"/sektioner/{section.slug}/feed/",
            "tag": "/emner/aeldre/feed/",
            "author": f"/skribenter/{author.slug}/feed/",
            "goal": f"/almene-maal/{goal.slug}/feed/",
        }[kind]
        assert [i.findtext("title") for i in xml(client, url).iter("item")] == ["Med"]

    @pytest.mark.parametrize("kind", ["latest", "section", "tag", "author", "goal"])
    def test_feeds_are_kept_like_pages_and_follow_unpublishing(
        self, client, settings, committed, kind
    ):
        """Feeds go through the page cache: kept per content version with a public page's
        headers, and retired when an article leaves the site."""
        settings.PAGE_CACHE_SECONDS = 600
        section, author, goal = SectionFactory(), AuthorFactory(), GoalFactory()
        leaving, staying = (
            ArticleFactory(title=title, section=section, authors=[author], tags=["Ældre"])
            for title in ("Forsvinder", "Bliver")
        )
        for article in (leaving, staying):
            article.goals.add(goal)
        url = {
            "latest": "/feeds/artikler/",
            "section": f"/sektioner/{section.slug}/feed/",
            "tag": "/emner/aeldre/feed/",
            "author": f"/skribenter/{author.slug}/feed/",
            "goal": f"/almene-maal/{goal.slug}/feed/",
        }[kind]

        def titles(response):
            return [item.findtext("title") for item in ET.fromstring(response.content).iter("item")]

        first = client.get(url)
        assert first.status_code == 200 and first["X-Page-Cache"] == "miss"
        hit = client.get(url)
        assert hit["X-Page-Cache"] == "hit" and hit.content == first.content
        assert hit["Content-Type"] == "application/rss+xml; charset=utf-8"
        assert hit["Cache-Control"] == "public, max-age=60" and "Cookie" in hit["Vary"]
        assert titles(hit) == ["Forsvinder", "Bliver"]

        editor = UserFactory(groups=["Redaktør"])
        with committed():
            workflow.unpublish(leaving, editor)
        after = client.get(url)
        assert after["X-Page-Cache"] == "miss" and titles(after) == ["Bliver"]
        if kind == "tag":
            # Its last published article goes, and the tag is no longer public.
            with committed():
                workflow.unpublish(staying, editor)
            assert client.get(url).status_code == 404

    def test_unknown_feed_is_404(self, client):
        assert client.get("/emner/findes-ikke/feed/").status_code == 404

    def test_feeds_are_discoverable(self, client):
        section = SectionFactory()
        ArticleFactory(section=section)
        assert 'type="application/rss+xml"' in client.get("/").content.decode()
        page = client.get(section.get_absolute_url()).content.decode()
        assert f'href="/sektioner/{section.slug}/feed/"' in page


class TestSitemapsAndRobots:
    def test_sitemap_has_every_public_page_and_no_drafts(self, client):
        public = ArticleFactory(tags=["Drift"])
        draft = ArticleFactory(draft=True, section=SectionFactory(name="Kun kladder"))
        scheduled = ArticleFactory(scheduled=True)
        goal = GoalFactory()
        index = xml(client, "/sitemap.xml")
        sections = [loc.text for loc in index.iter(f"{SITEMAP_NS}loc")]
        locations = []
        for section_url in sections:
            urlset = xml(client, section_url.replace("http://testserver", ""))
            for url in urlset.iter(f"{SITEMAP_NS}url"):
                locations.append(url.findtext(f"{SITEMAP_NS}loc"))
                if "/artikler/" in locations[-1] and locations[-1].count("/") > 4:
                    assert url.findtext(f"{SITEMAP_NS}lastmod")
        paths = {loc.replace("http://testserver", "") for loc in locations}
        assert public.get_absolute_url() in paths
        assert public.section.get_absolute_url() in paths
        assert "/emner/drift/" in paths and "/" in paths and "/artikler/" in paths
        assert goal.get_absolute_url() in paths
        assert {"/rettelser/", "/om/", "/klagevejledning/"} <= paths
        assert draft.get_absolute_url() not in paths and scheduled.get_absolute_url() not in paths
        assert "/sektioner/kun-kladder/" not in paths

    def test_robots(self, client):
        response = client.get("/robots.txt")
        text = response.content.decode()
        assert response["Content-Type"].startswith("text/plain")
        assert "Disallow: /admin/" in text and "Disallow: /laeseliste/" in text
        assert "Sitemap: http://testserver/sitemap.xml" in text


class TestMetadata:
    def test_article_page(self, client):
        author = AuthorFactory(name="Kasper Friis")
        article = ArticleFactory(
            title='Titel med "citat" & </script>', authors=[author], with_image=True, tags=["Ældre"]
        )
        page = client.get(article.get_absolute_url() + "?utm_source=nyhedsbrev").content.decode()
        canonical = f"http://testserver{article.get_absolute_url()}"
        assert f'<link rel="canonical" href="{canonical}">' in page
        assert '<meta property="og:type" content="article">' in page
        assert re.search(
            r'<meta property="og:image" content="http://testserver/media/[^"]+\.jpg">', page
        )
        assert '<meta name="twitter:card" content="summary_large_image">' in page

        raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)[1]
        assert "</script" not in raw.lower()
        data = json.loads(raw)
        assert data["@type"] == "NewsArticle"
        assert data["headline"] == article.title
        assert data["author"] == [
            {
                "@type": "Person",
                "name": "Kasper Friis",
                "url": f"http://testserver{author.get_absolute_url()}",
            }
        ]
        assert data["datePublished"] == article.published_at.isoformat()
        assert data["articleSection"] == article.section.name
        assert data["image"][0].startswith("http://testserver/media/renditions/")
        assert data["publisher"]["name"] == "Almene Nyheder"

    def test_canonical_of_paginated_pages(self, client):
        for _ in range(21):
            ArticleFactory()
        page = client.get("/artikler/?side=2&utm_source=x").content.decode()
        assert '<link rel="canonical" href="http://testserver/artikler/?side=2">' in page
