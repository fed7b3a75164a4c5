from django.urls import path

from . import views

app_name = "articles"

urlpatterns = [
    path("artikler/", views.ArchiveView.as_view(), name="archive"),
    path("artikler/<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("sektioner/<slug:slug>/", views.SectionView.as_view(), name="section"),
    path("emner/<slug:slug>/", views.TagView.as_view(), name="tag"),
    path("skribenter/<slug:slug>/", views.AuthorView.as_view(), name="author"),
]
