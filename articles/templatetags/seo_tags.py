"""Canonical URLs, Open Graph and schema.org metadata for the public pages."""

import json

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils.safestring import mark_safe

register = template.Library()

# As django.utils.html.json_script: a JSON text that cannot end its <script> element early.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def canonical_url(context) -> str:
    """The page's one address: no tracking or filter parameters, ``?side=N`` past page 1."""
    request = context["request"]
    url = request.build_absolute_uri(request.path)
    page = context.get("page_obj")
    if page is not None and page.number > 1:
        url += f"?side={page.number}"
    return url


@register.simple_tag(takes_context=True)
def absolute(context, url: str) -> str:
    return context["request"].build_absolute_uri(url) if url else ""


@register.simple_tag(takes_context=True)
def article_jsonld(context, article) -> str:
    """schema.org NewsArticle for the article page, as a safe <script> element."""
    request = context["request"]

    def absolute_url(url):
        return request.build_absolute_uri(url)

    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title[:110],
        "description": article.lead,
        "inLanguage": "da-DK",
        "mainEntityOfPage": {"@type": "WebPage", "@id": absolute_url(article.get_absolute_url())},
        "url": absolute_url(article.get_absolute_url()),
        "datePublished": article.published_at.isoformat() if article.published_at else None,
        "dateModified": article.updated_at.isoformat() if article.updated_at else None,
        "articleSection": article.section.name,
        "keywords": [tag.name for tag in article.tag_list],
        "author": [
            {"@type": "Person", "name": author.name, "url": absolute_url(author.get_absolute_url())}
            for author in article.byline_authors
        ],
        "publisher": {
            "@type": "Organization",
            "name": settings.SITE_NAME,
            "logo": {"@type": "ImageObject", "url": absolute_url(static("logo.png"))},
        },
    }
    corrections = [c for c in article.shown_corrections if not c.is_withdrawn]
    if corrections:
        data["correction"] = [
            {
                "@type": "CorrectionComment",
                "text": f"{correction.get_kind_display()}: {correction.text}",
                "datePublished": correction.published_at.isoformat(),
                "url": absolute_url(correction.get_absolute_url()),
            }
            for correction in corrections
        ]
    picture = article.hero_picture
    if picture is not None:
        data["image"] = [absolute_url(url) for url in picture.jpeg_urls]
    data = {key: value for key, value in data.items() if value not in (None, [], "")}
    text = json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')
