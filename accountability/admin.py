"""The kolofon and the requests for a genmæle in the newsroom's admin.

The kolofon is one row, kept by the editors ("Redaktør", migration 0002): it can be added
once and never deleted. Saving it retires the cached pages that
show it (signals.py).

Requests for a genmæle come from readers (/genmaele/): nobody adds one by hand, and what the
reader sent is read-only. An editor links the article if the site did not find it, and marks
the request "Besvaret" or "Afvist" with a note saying what was answered or why; who did it,
and when, is recorded. Only editors see requests at all (roles.py): a journalist has no
permission on them, and the admin refuses even one who was given the view permission.
"""

from django import forms
from django.contrib import admin
from django.utils import timezone
from django.utils.html import format_html

from .models import GenmaeleRequest, Kolofon
from .roles import can_handle_genmaele

Status = GenmaeleRequest.Status


@admin.register(Kolofon)
class KolofonAdmin(admin.ModelAdmin):
    fieldsets = [
        (None, {"fields": ["medium", "about"]}),
        ("Udgiver", {"fields": ["publisher", "address", "cvr"]}),
        ("Redaktionen", {"fields": ["editor", "email", "phone"]}),
        ("Pressenævnet", {"fields": ["registered_with_pressenaevnet", "registered_on"]}),
        ("Ændret", {"fields": ["updated_at", "updated_by"]}),
    ]
    readonly_fields = ["updated_at", "updated_by"]

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not Kolofon.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)


class GenmaeleRequestForm(forms.ModelForm):
    class Meta:
        model = GenmaeleRequest
        fields = ["article", "status", "note"]

    def clean(self):
        data = super().clean()
        if data.get("status") != Status.OPEN and not (data.get("note") or "").strip():
            self.add_error(
                "note",
                "Skriv en note: hvad blev svaret, eller hvorfor blev anmodningen afvist.",
            )
        return data


@admin.register(GenmaeleRequest)
class GenmaeleRequestAdmin(admin.ModelAdmin):
    form = GenmaeleRequestForm
    list_display = [
        "received_at",
        "article_display",
        "published_display",
        "in_time_display",
        "name",
        "status",
    ]
    list_filter = ["status"]
    list_select_related = ["article"]
    search_fields = ["name", "email", "article_text", "article__title"]
    date_hierarchy = "received_at"
    raw_id_fields = ["article"]
    fieldsets = [
        (
            "Artiklen",
            {
                "fields": [
                    "article_text",
                    "article",
                    "article_published_at",
                    "received_at",
                    "in_time_display",
                ]
            },
        ),
        ("Genmælet", {"fields": ["text"]}),
        ("Læseren", {"fields": ["name", "email", "phone", "receipt_display"]}),
        ("Behandling", {"fields": ["status", "note", "handled_at", "handled_by"]}),
    ]
    readonly_fields = [
        "article_text",
        "article_published_at",
        "received_at",
        "in_time_display",
        "text",
        "name",
        "email",
        "phone",
        "receipt_display",
        "handled_at",
        "handled_by",
    ]

    # --- Who: editors only (roles.py) ---------------------------------------------------------

    def has_module_permission(self, request):
        return can_handle_genmaele(request.user)

    def has_view_permission(self, request, obj=None):
        return can_handle_genmaele(request.user, "view") or self.has_change_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return can_handle_genmaele(request.user, "change")

    def has_delete_permission(self, request, obj=None):
        return can_handle_genmaele(request.user, "delete")

    def has_add_permission(self, request):
        return False  # readers send them

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article", "receipt", "handled_by")

    # --- Columns ------------------------------------------------------------------------------

    @admin.display(description="artikel", ordering="article__title")
    def article_display(self, obj):
        if obj.article_id:
            return obj.article.title
        return format_html("<em>Ikke fundet:</em> {}", obj.article_text)

    @admin.display(description="artiklen udgivet", ordering="article_published_at")
    def published_display(self, obj):
        if obj.article_published_at is None:
            return "Ukendt"
        return timezone.localtime(obj.article_published_at).strftime("%d.%m.%Y")

    @admin.display(description="inden for fire uger")
    def in_time_display(self, obj):
        if obj.in_time is None:
            return "Ukendt: artiklen er ikke fundet"
        days = obj.days_after_publication
        if obj.in_time:
            return f"Ja ({days} dage efter udgivelsen)"
        return f"Nej ({days} dage efter udgivelsen; fristen var {obj.deadline:%d.%m.%Y})"

    @admin.display(description="kvittering")
    def receipt_display(self, obj):
        mail = obj.receipt
        if mail is None:
            return "Ingen"
        if mail.sent_at:
            return f"Sendt {timezone.localtime(mail.sent_at):%d.%m.%Y kl. %H:%M}"
        if mail.attempts:
            return f"Ikke sendt endnu ({mail.attempts} forsøg; prøves igen)"
        return "Venter på at blive sendt"

    # --- Saving -------------------------------------------------------------------------------

    def save_model(self, request, obj, form, change):
        if "status" in form.changed_data:
            if obj.status == Status.OPEN:
                obj.handled_at, obj.handled_by = None, None
            else:
                obj.handled_at, obj.handled_by = timezone.now(), request.user
        if "article" in form.changed_data:
            # The four weeks run from the publication of the article the editor linked.
            obj.article_published_at = obj.article.published_at if obj.article else None
        super().save_model(request, obj, form, change)

    def view_on_site(self, obj):
        return obj.article.get_absolute_url() if obj.article_id else None
