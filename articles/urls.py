from django.urls import path

from . import feeds, views
from .caching.pages import public_page

app_name = "articles"

urlpatterns = [
    path("artikler/", public_page(views.ArchiveView.as_view()), name="archive"),
    path("artikler/<slug:slug>/", public_page(views.ArticleDetailView.as_view()), name="detail"),
    path("sektioner/<slug:slug>/", public_page(views.SectionView.as_view()), name="section"),
    path("emner/<slug:slug>/", public_page(views.TagView.as_view()), name="tag"),
    path("skribenter/<slug:slug>/", public_page(views.AuthorView.as_view()), name="author"),
    path("feeds/artikler/", feeds.LatestArticlesFeed(), name="feed"),
    path("sektioner/<slug:slug>/feed/", feeds.SectionFeed(), name="section_feed"),
    path("emner/<slug:slug>/feed/", feeds.TagFeed(), name="tag_feed"),
    path("skribenter/<slug:slug>/feed/", feeds.AuthorFeed(), name="author_feed"),
    path("laeseliste/", views.ReadingListView.as_view(), name="reading_list"),
    path("laeseliste/tilfoej/", views.add_to_reading_list, name="reading_list_add"),
    path("laeseliste/fjern/", views.remove_from_reading_list, name="reading_list_remove"),
    path("laeseliste/laest/", views.mark_read, name="reading_list_read"),
]
