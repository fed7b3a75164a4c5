from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from articles.caching import public_page

from . import views

admin.site.site_header = "Almene Nyheder – redaktionen"
admin.site.site_title = "Almene Nyheder"
admin.site.index_title = "Redaktionen"

urlpatterns = [
    path("", public_page(views.HomeView.as_view()), name="home"),
    path("", include("articles.urls")),
    path("almene-maal/", include("goals.urls")),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    # Development only: in production the web server or object store serves media (README).
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
