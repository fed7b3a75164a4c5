from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path
from django.views.static import serve

from accountability import sitemaps as accountability_sitemaps
from articles import offline
from articles import sitemaps as article_sitemaps
from articles.caching.pages import public_page
from corrections import sitemaps as correction_sitemaps
from goals import sitemaps as goal_sitemaps
from newsroom import bundles

from . import views

admin.site.site_header = "Almene Nyheder – Redaktionen"
admin.site.site_title = "Almene Nyheder"
admin.site.index_title = "Redaktionen"

SITEMAPS = {
    "sider": article_sitemaps.PageSitemap,
    "artikler": article_sitemaps.ArticleSitemap,
    "sektioner": article_sitemaps.SectionSitemap,
    "emner": article_sitemaps.TagSitemap,
    "skribenter": article_sitemaps.AuthorSitemap,
    "almene-maal": goal_sitemaps.GoalSitemap,
    "maalprogrammer": goal_sitemaps.ProgrammeSitemap,
    "rettelser": correction_sitemaps.CorrectionsSitemap,
    "om-mediet": accountability_sitemaps.AccountabilitySitemap,
}

urlpatterns = [
    path("", public_page(views.HomeView.as_view()), name="home"),
    path("soeg/", public_page(views.SearchView.as_view()), name="search"),
    path("", include("articles.urls")),
    path("almene-maal/", include("goals.urls")),
    path("nyhedsbrev/", include("newsletter.urls")),
    path("rettelser/", include("corrections.urls")),
    # The kolofon (/om/), the complaints guide and the form for a genmæle.
    path("", include("accountability.urls")),
    # A source's quote check: one link per source, personal, never cached (quotecheck/).
    path("citattjek/", include("quotecheck.urls")),
    path("robots.txt", views.robots_txt, name="robots"),
    # Offline reading: the service worker at the root (its scope is the whole site), the web
    # app manifest, its icons and the offline page (articles/offline.py).
    path("sw.js", offline.service_worker, name="service-worker"),
    path("manifest.webmanifest", offline.manifest, name="manifest"),
    path("ikoner/<int:size>.png", offline.icon, name="icon"),
    path("offline/", offline.offline_page, name="offline"),
    path(
        "sitemap.xml",
        # Kept like every public page: per content version, so an unpublished article
        # leaves the sitemap when it leaves the site.
        public_page(sitemap_views.index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap-index",
    ),
    path(
        "sitemap-<section>.xml",
        public_page(sitemap_views.sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    # The article form's stylesheets and scripts, joined (newsroom/bundles.py): static files,
    # so outside the admin's login like the rest of /static/.
    path("admin/samlet/<slug:key>.<slug:kind>", bundles.serve, name="admin-bundle"),
    path("admin/", admin.site.urls),
]

# A database error that reaches Django's unhandled-exception path is an outage, not a crash:
# a page's last good copy or a 503 (almene/outage.py). Any other error gets the 500 page.
handler500 = "almene.outage.server_error"
handler403 = "almene.views.permission_denied"

serve_media = settings.DEBUG or getattr(settings, "SERVE_MEDIA", False)
if serve_media and settings.MEDIA_URL.startswith("/"):
    # Development (and the browser tests) only: in production the web server or object store
    # serves media (README), and media in a bucket are never served from here.
    # Django's static() helper does nothing with DEBUG off, hence the view itself.
    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]
