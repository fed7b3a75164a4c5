from django.contrib.admin.apps import AdminConfig


class NewsroomAdminConfig(AdminConfig):
    """Django's admin with the newsroom's site (almene/admin.py) as ``admin.site``."""

    default_site = "almene.admin.NewsroomAdminSite"
