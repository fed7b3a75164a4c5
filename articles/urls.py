from django.urls import path

from . import feeds, offline, views
from .caching.pages import public_page
from .listings import AUTHOR, SECTION, TAG

app_name = "articles"

# Feeds are public pages too: kept per content version, so an unpublished article leaves its
# feeds when it leaves the site.
urlpatterns = [
    path("artikler/", public_page(views.ArchiveView.as_view()), name="archive"),
    path("artikler/<slug:slug>/", public_page(views.ArticleDetailView.as_view()), name="detail"),
    path(
        "sektioner/<slug:slug>/",
        public_page(views.ObjectArticlesView.as_view(listing=SECTION)),
        name="section",
    ),
    path(
        "emner/<slug:slug>/",
        public_page(views.ObjectArticlesView.as_view(listing=TAG)),
        name="tag",
    ),
    path(
        "skribenter/<slug:slug>/",
        public_page(views.ObjectArticlesView.as_view(listing=AUTHOR)),
        name="author",
    ),
    path("feeds/artikler/", public_page(feeds.LatestArticlesFeed()), name="feed"),
    path(
        "sektioner/<slug:slug>/feed/",
        public_page(feeds.ObjectArticlesFeed(SECTION)),
        name="section_feed",
    ),
    path("emner/<slug:slug>/feed/", public_page(feeds.ObjectArticlesFeed(TAG)), name="tag_feed"),
    path(
        "skribenter/<slug:slug>/feed/",
        public_page(feeds.ObjectArticlesFeed(AUTHOR)),
        name="author_feed",
    ),
    path("laeseliste/", views.ReadingListView.as_view(), name="reading_list"),
    path("laeseliste/udskriv/", views.ReadingListPrintView.as_view(), name="reading_list_print"),
    path("laeseliste/tilfoej/", views.add_to_reading_list, name="reading_list_add"),
    path("laeseliste/fjern/", views.remove_from_reading_list, name="reading_list_remove"),
    path("laeseliste/laest/", views.mark_read, name="reading_list_read"),
    # For the service worker: which of its offline copies are still public (articles/offline.py).
    path("laeseliste/kopier/", offline.public_copies, name="reading_list_copies"),
]
