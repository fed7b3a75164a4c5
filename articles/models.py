import contextlib
import contextvars
import uuid
from functools import cached_property

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models, transaction
from django.db.models import Count, Exists, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.db.models.query import ModelIterable
from django.utils import timezone
from django.utils.html import strip_tags
from taggit.managers import TaggableManager
from taggit.models import TagBase, TaggedItemBase

from .fields import SanitizedHTMLField
from .images import Picture, build_renditions
from .routing import slug_url
from .text import danish_slugify, unique_slug
from .uploads import author_photo_upload_to, clean_original, hero_image_upload_to


def refresh_renditions(instance, image_field: str, renditions_field: str, shapes: tuple[str, ...]):
    """Keep the JSON description of an image field's renditions in step with the image: made
    when the image is new or replaced, dropped when it is removed."""
    loaded_names = getattr(instance, "_loaded_image_names", {})
    if not instance._state.adding and image_field not in loaded_names:
        return  # loaded with the image deferred: it cannot have been changed
    image = getattr(instance, image_field)
    if not image:
        setattr(instance, renditions_field, {})
    elif image.name != loaded_names.get(image_field) or not getattr(instance, renditions_field):
        if not image._committed:
            # A new upload is stored upright and without camera metadata such as location,
            # under its real format's extension (upload_to gives it a random name).
            cleaned = clean_original(image)
            image.file, image.name = cleaned, cleaned.name
        setattr(instance, renditions_field, build_renditions(image, shapes))


def remember_image_names(instance, *image_fields: str):
    """Note which image files an instance holds, to tell later whether they were replaced.
    Reads the raw values, so that a deferred image field is never fetched just for this."""
    instance._loaded_image_names = {
        name: getattr(instance.__dict__[name], "name", instance.__dict__[name])
        for name in image_fields
        if name in instance.__dict__
    }


class SectionManager(models.Manager):
    # How the sections are kept between reads (``in_order``): the cache package keeps them per
    # content version (articles/apps.py wires it in; the models know nothing of the cache).
    keep = staticmethod(lambda name, read: read())

    def in_order(self) -> list["Section"]:
        """Every section, in the header's order: every page shows them, so they are kept
        (``keep``) and lent to the articles the page shows (``ArticleQuerySet.with_sections``)."""
        return self.keep("sections", lambda: list(self.all()))


class Section(models.Model):
    name = models.CharField("navn", max_length=100, unique=True)
    slug = models.SlugField("webadresse", max_length=100, unique=True)
    description = models.TextField("beskrivelse", blank=True)
    position = models.PositiveSmallIntegerField("placering", default=0)
    # Editors who want the section's articles sent to them for review; none: all editors.
    followers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name="redaktører, der følger sektionen",
        related_name="followed_sections",
        blank=True,
        help_text="Får besked, når en artikel i sektionen sendes til redigering. Følger ingen "
        "sektionen, får alle redaktører besked.",
    )

    objects = SectionManager()

    class Meta:
        ordering = ["position", "name"]
        verbose_name = "sektion"
        verbose_name_plural = "sektioner"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_url("articles:section", self.slug)


class Author(models.Model):
    name = models.CharField("navn", max_length=150)
    slug = models.SlugField("webadresse", max_length=150, unique=True)
    role = models.CharField("titel", max_length=150, blank=True, help_text="Fx Journalist.")
    bio = models.TextField("om skribenten", blank=True)
    photo = models.ImageField("portræt", upload_to=author_photo_upload_to, blank=True)
    photo_renditions = models.JSONField(default=dict, blank=True, editable=False)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="brugerkonto",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="author_profile",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = "skribent"
        verbose_name_plural = "skribenter"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        refresh_renditions(self, "photo", "photo_renditions", ("portrait",))
        super().save(*args, **kwargs)
        remember_image_names(self, "photo")

    def get_absolute_url(self):
        return slug_url("articles:author", self.slug)

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        remember_image_names(instance, "photo")
        return instance

    @property
    def first_name(self) -> str:
        return self.name.split()[0] if self.name else ""

    @property
    def portrait(self) -> Picture | None:
        return Picture.from_renditions(self.photo_renditions, "portrait", alt="")

    def shown_publicly(self) -> bool:
        """An author shows only in the bylines of published or scheduled articles: a new
        author, or one with drafts only, retires nothing when saved."""
        return articles_shown_publicly(bylines__author=self.pk)


class TagQuerySet(models.QuerySet):
    def public(self):
        """Tags the public may see: those of at least one published article. Journalists
        can make tags, and a tag on drafts only (or on nothing) is not yet reviewed."""
        published = Article.objects.published().values("pk")
        return self.filter(
            Exists(TaggedArticle.objects.filter(tag=OuterRef("pk"), content_object__in=published))
        )


class Tag(TagBase):
    """A subject ("emne"). Own model so that slugs spell out æ, ø and å."""

    objects = TagQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = "emne"
        verbose_name_plural = "emner"

    def slugify(self, tag, i=None):
        slug = danish_slugify(tag, max_length=90) or "emne"
        return f"{slug}-{i}" if i is not None else slug

    def get_absolute_url(self):
        return slug_url("articles:tag", self.slug)

    def shown_publicly(self) -> bool:
        """A tag shows only with a published or scheduled article (a new one has none: made
        while a journalist writes a draft, it retires nothing)."""
        return articles_shown_publicly(tagged_items__tag=self.pk)


class TaggedArticle(TaggedItemBase):
    """The tag-article link, with a real foreign key (taggit's default is a generic relation,
    which cannot be joined efficiently)."""

    content_object = models.ForeignKey(
        "Article", on_delete=models.CASCADE, related_name="tagged_items"
    )
    tag = models.ForeignKey(
        Tag, verbose_name="emne", on_delete=models.CASCADE, related_name="tagged_articles"
    )

    class Meta:
        verbose_name = "emne på artikel"
        verbose_name_plural = "emner på artikler"
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="unique_article_tag"),
        ]

    def shown_publicly(self) -> bool:
        return articles_shown_publicly(pk=self.content_object_id)

    def public_article(self) -> int:
        """A tag added or removed changes its article's page and the lists, nothing else."""
        return self.content_object_id


def articles_shown_publicly(**lookup) -> bool:
    """Whether any article matching ``lookup`` is published or scheduled: whether a change to
    something of theirs (a byline, a tag, a link) can show on a public page. One query."""
    return Article.objects.filter(status=Article.Status.PUBLISHED, **lookup).exists()


class StateChangeOutsideWorkflow(Exception):
    """An article's status or publication time was changed without newsroom.workflow."""

    def __init__(self):
        super().__init__(
            "An article's status and publication time change through newsroom.workflow."
        )


# Set by newsroom.workflow while it applies a transition: only then may a saved article's
# status or publication time change (Article.save checks). New articles may be created in
# any state (imports, demo content, tests).
_STATE_CHANGE = contextvars.ContextVar("article_state_change", default=False)
_NOT_LOADED = object()


@contextlib.contextmanager
def state_change():
    """For newsroom.workflow only: lets the article saves inside change its state."""
    token = _STATE_CHANGE.set(True)
    try:
        yield
    finally:
        _STATE_CHANGE.reset(token)


# What only newsroom.workflow may change on a saved article (Article.save and
# ArticleQuerySet.update check): who can see it, where on the front page, and whether it is
# in the trash.
STATE_FIELDS = ("status", "published_at", "front_page", "front_page_order", "trashed_at")


class ArticleQuerySet(models.QuerySet):
    def update(self, **kwargs):
        """``QuerySet.update``, refused for an article's status or publication time outside
        newsroom.workflow: a bulk update sends no signal, so it would publish or take down
        without an editor, a log entry, a version or a retired page."""
        if set(STATE_FIELDS) & kwargs.keys() and not _STATE_CHANGE.get():
            raise StateChangeOutsideWorkflow()
        return super().update(**kwargs)

    def bulk_update(self, objs, fields, batch_size=None):
        if set(STATE_FIELDS) & set(fields) and not _STATE_CHANGE.get():
            raise StateChangeOutsideWorkflow()
        return super().bulk_update(objs, fields, batch_size=batch_size)

    def published(self):
        """What the public may see: published, at a time that has come.

        The one definition used by every public page, so that a scheduled article appears by
        itself when its time comes, with no job to flip it.
        """
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=timezone.now())

    def scheduled(self, now=None):
        """Published, at a time still to come (``now`` by default): each appears by itself
        when its time comes (``published()``)."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__gt=now or timezone.now())

    def in_newsroom(self):
        """Articles the newsroom works on: not those in the trash."""
        return self.filter(trashed_at__isnull=True)

    def for_cards(self):
        """What an article card shows (section, thumbnail, date, title, lead) in one query."""
        return self.with_sections().defer("body", "created_at", "updated_at")

    def for_page(self):
        """The article for its page. Byline, tags and goals are read by the page's cached
        fragments, so they are only fetched when a fragment is rendered."""
        return self.with_sections()

    def with_sections(self):
        """Each article with its section, lent from the sections every page reads for its
        header (``Section.objects.in_order``) rather than joined: a join costs a cold page more
        in building the query than in running it. For pages with the header only: elsewhere
        (a feed) the sections would be one query more."""
        clone = self._chain()
        clone._iterable_class = WithSectionsIterable
        return clone

    def newest_ids(self, count: int = 300):
        """The ids of the newest ``count`` articles, for a subquery. Read in publication
        order from the index, so its cost does not grow with the archive."""
        return self.order_by("-published_at", "-pk").values("pk")[:count]

    def sharing_tags(self, tag_ids):
        """Articles ranked by how many of ``tag_ids`` they share, then newest first."""
        return (
            self.filter(tagged_items__tag_id__in=tag_ids)
            .annotate(shared_tags=Count("tagged_items"))
            .order_by("-shared_tags", "-published_at", "-pk")
        )


class WithSectionsIterable(ModelIterable):
    """Articles, each given its section from ``Section.objects.in_order`` (``with_sections``).
    Sections not there (read for a version a moment older than the articles) are read in one
    query."""

    def __iter__(self):
        articles = list(super().__iter__())
        sections = {section.pk: section for section in Section.objects.in_order()}
        missing = {article.section_id for article in articles} - sections.keys()
        if missing:
            sections.update(Section.objects.in_bulk(missing))
        for article in articles:
            article.section = sections[article.section_id]
            yield article


class ArticleManager(models.Manager.from_queryset(ArticleQuerySet)):
    def get_queryset(self):
        # The search vector is large and only ever read inside PostgreSQL: never load it.
        return super().get_queryset().defer("search_vector")


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Kladde"
        REVIEW = "review", "Klar til redigering"
        PUBLISHED = "published", "Udgivet"

    title = models.CharField("titel", max_length=200)
    slug = models.SlugField(
        "webadresse",
        max_length=200,
        unique=True,
        blank=True,
        help_text="Artiklens adresse. Udfyldes fra titlen, hvis feltet er tomt.",
    )
    section = models.ForeignKey(
        Section, verbose_name="sektion", on_delete=models.PROTECT, related_name="articles"
    )
    authors = models.ManyToManyField(
        Author, through="ArticleAuthor", related_name="articles", verbose_name="skribenter"
    )
    lead = models.TextField("manchet", blank=True)
    body = SanitizedHTMLField("brødtekst", blank=True)

    hero_image = models.ImageField("hovedbillede", upload_to=hero_image_upload_to, blank=True)
    hero_alt = models.CharField(
        "alternativ tekst",
        max_length=250,
        blank=True,
        help_text="Hvad billedet viser, for læsere der ikke kan se det.",
    )
    hero_caption = models.CharField("billedtekst", max_length=500, blank=True)
    hero_credit = models.CharField("fotograf", max_length=150, blank=True)
    hero_renditions = models.JSONField(default=dict, blank=True, editable=False)

    tags = TaggableManager("emner", through=TaggedArticle, blank=True)
    # A lazy reference: articles never imports goals (goals builds on articles).
    goals = models.ManyToManyField(
        "goals.Goal",
        verbose_name="almene mål",
        related_name="articles",
        blank=True,
        help_text="De mål, artiklen handler om. Artiklen vises på målenes sider.",
    )
    related_articles = models.ManyToManyField(
        "self",
        through="RelatedArticle",
        symmetrical=False,
        related_name="+",
        verbose_name="relaterede artikler",
        blank=True,
    )

    class FrontPage(models.TextChoices):
        NONE = "", "Ikke fremhævet"
        TOP = "top", "Tophistorie"
        PINNED = "pinned", "Fastgjort på forsiden"

    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(
        "udgivelsestidspunkt",
        null=True,
        blank=True,
        help_text="Et tidspunkt i fremtiden planlægger artiklen til udgivelse.",
    )
    front_page = models.CharField(
        "forside",
        max_length=10,
        choices=FrontPage.choices,
        default=FrontPage.NONE,
        blank=True,
        help_text="Tophistorien står øverst på forsiden; fastgjorte artikler står før de nyeste.",
    )
    front_page_order = models.PositiveSmallIntegerField(
        "rækkefølge på forsiden", default=0, help_text="Lavere tal står først."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="oprettet af",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField("oprettet", auto_now_add=True)
    updated_at = models.DateTimeField("ændret", auto_now=True)
    # In the newsroom's trash ("Papirkurv") since then: a draft no one works on, its log and
    # versions kept, until an editor restores it (newsroom/workflow.py: trash, restore).
    trashed_at = models.DateTimeField("lagt i papirkurven", null=True, blank=True, editable=False)
    # When a correction of it was last published or withdrawn (corrections/): its cards and
    # readers' lists then say "Rettet", without a query each.
    corrected_at = models.DateTimeField("rettet", null=True, blank=True, editable=False)
    # Full-text search on PostgreSQL: title (A), lead (B) and body (C) in the "danish"
    # configuration, kept current by a database trigger on every write (migration 0006), so
    # bulk_create() and update() keep it right too. Unused on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = ArticleManager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        get_latest_by = "published_at"
        verbose_name = "artikel"
        verbose_name_plural = "artikler"
        indexes = [
            # Publication order, with the id as the tie-breaker: list pages read their ids from
            # this index alone, however deep the page (views.IdFirstPaginator).
            models.Index(fields=["status", "-published_at", "-id"], name="article_public_order"),
            # The front page asks for the few articles editors featured.
            models.Index(
                fields=["front_page"],
                condition=~Q(front_page=""),
                name="article_featured",
            ),
        ]
        constraints = [
            # One top story at a time: choosing a new one replaces the old (see set_top_story).
            models.UniqueConstraint(
                fields=["front_page"],
                condition=Q(front_page="top"),
                name="one_top_story",
            ),
        ]
        permissions = [
            ("publish_article", "Kan udgive, planlægge og afpublicere artikler"),
            ("curate_article", "Kan vælge relaterede artikler og forsidens artikler"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self._state.adding and self.state_changed() and not _STATE_CHANGE.get():
            raise StateChangeOutsideWorkflow()
        if not self.slug:
            self.slug = unique_slug(Article.objects.all(), self.title, exclude_pk=self.pk)
        refresh_renditions(self, "hero_image", "hero_renditions", ("hero", "card"))
        with transaction.atomic():
            super().save(*args, **kwargs)
            self.keep_old_url_working()
        self.remember_loaded_state()

    def get_absolute_url(self):
        return slug_url("articles:detail", self.slug)

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance.remember_loaded_state()
        return instance

    def remember_loaded_state(self):
        remember_image_names(self, "hero_image")
        self._loaded_slug = self.__dict__.get("slug")
        self._loaded_status = self.__dict__.get("status")
        self._loaded_state = {
            field: self.__dict__.get(field, _NOT_LOADED) for field in STATE_FIELDS
        }

    def state_changed(self) -> bool:
        """Whether the status, publication time, front-page placement or trash differs from
        what was loaded (a field that was not loaded counts as unchanged)."""
        loaded = getattr(self, "_loaded_state", {})
        return any(
            value is not _NOT_LOADED and field in self.__dict__ and self.__dict__[field] != value
            for field, value in loaded.items()
        )

    def keep_old_url_working(self):
        """A published article whose slug changes keeps its old address, which redirects."""
        old_slug = getattr(self, "_loaded_slug", None)
        if not old_slug or old_slug == self.slug:
            return
        if getattr(self, "_loaded_status", None) == self.Status.PUBLISHED:
            ArticleSlugRedirect.objects.update_or_create(
                old_slug=old_slug, defaults={"article": self}
            )
        # An address that is an article's own again needs no redirect.
        ArticleSlugRedirect.objects.filter(old_slug=self.slug).delete()

    def shown_publicly(self) -> bool:
        """Whether a change to this article can show on a public page (the cache's question,
        articles/caching/invalidation.py): it is published or scheduled, now or as loaded. A
        draft, or an article in review, may be saved any number of times without retiring a
        page a reader sees. Scheduled counts: the cache's lifetimes end at the next
        publication, which its change may move."""
        return self.Status.PUBLISHED in (self.status, getattr(self, "_loaded_status", None))

    def public_article(self) -> int | None:
        """The article, when a change to it is confined to it (the cache's question): it is
        public, or scheduled, and was not public before. None when it leaves the public (an
        unpublish, a publication moved into the future): any page may have shown it."""
        return None if self.was_public() and not self.is_published else self.pk

    def was_public(self) -> bool:
        """Whether the public could see this article as it was loaded (before a change
        being saved, or a delete): what changes or leaves is then a takedown."""
        loaded_time = getattr(self, "_loaded_state", {}).get("published_at", _NOT_LOADED)
        return (
            getattr(self, "_loaded_status", None) == self.Status.PUBLISHED
            and loaded_time not in (None, _NOT_LOADED)
            and loaded_time <= timezone.now()
        )

    @property
    def is_scheduled(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )

    @property
    def public_status(self) -> str:
        """The status as the newsroom says it: "Planlagt" for a future publication,
        "I papirkurven" for a trashed draft."""
        if self.in_trash:
            return "I papirkurven"
        return "Planlagt" if self.is_scheduled else self.get_status_display()

    @property
    def status_chip(self) -> str:
        """The modifier of the newsroom's status chip (static/css/admin.css)."""
        if self.in_trash:
            return "trash"
        return "scheduled" if self.is_scheduled else self.status

    def missing_for_publishing(self, author_count: int | None = None) -> list[str]:
        """What an article lacks before it may be published, in Danish, for error messages.
        ``author_count`` comes from the form when the byline is being edited."""
        if author_count is None:
            # Asked of the database, not of a byline list prefetched before a form saved it.
            author_count = (
                ArticleAuthor.objects.filter(article_id=self.pk).count() if self.pk else 0
            )
        checks = [
            (self.title.strip(), "en titel"),
            (self.lead.strip(), "en manchet"),
            (strip_tags(self.body or "").strip(), "en brødtekst"),
            (author_count > 0, "mindst én skribent"),
            (self.hero_image, "et hovedbillede"),
            (self.hero_alt.strip(), "en alternativ tekst til hovedbilledet"),
            (self.hero_credit.strip(), "en fotograf til hovedbilledet"),
        ]
        return [label for present, label in checks if not present]

    @cached_property
    def shown_corrections(self) -> list:
        """Its corrections as readers see them, newest first (corrections/): asked only of
        an article that has been corrected, so no other page pays a query for it."""
        if self.corrected_at is None or self.pk is None:
            return []
        return list(self.corrections.shown().order_by("-published_at", "-pk"))

    @property
    def in_trash(self) -> bool:
        return self.trashed_at is not None

    @property
    def is_published(self) -> bool:
        """``ArticleQuerySet.published()`` for one article already loaded; keep the two alike
        (tests/test_models.py checks them against each other)."""
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def hero_picture(self) -> Picture | None:
        return Picture.from_renditions(self.hero_renditions, "hero", alt=self.hero_alt)

    @property
    def card_picture(self) -> Picture | None:
        return Picture.from_renditions(self.hero_renditions, "card", alt=self.hero_alt)

    @cached_property
    def _bylines(self) -> list["ArticleAuthor"]:
        """The byline in order, each with its author and the id of that author's latest other
        published article (``latest_id``): one query for the byline, the metadata's authors
        and the author boxes alike."""
        latest_other = (
            Article.objects.published()
            .filter(bylines__author=OuterRef("author_id"))
            .exclude(pk=self.pk)
            .order_by("-published_at", "-pk")
            .values("pk")[:1]
        )
        return list(
            self.bylines.select_related("author").annotate(latest_id=Subquery(latest_other))
        )

    @property
    def byline_authors(self) -> list[Author]:
        return [byline.author for byline in self._bylines]

    @property
    def byline_latest_ids(self) -> list[int]:
        """Each author's latest other published article, for the author boxes' cards."""
        return [byline.latest_id for byline in self._bylines if byline.latest_id]

    def author_boxes(self, cards: dict[int, "Article"] | None = None):
        """The author box ("Om skribenten"): each author in the byline with their latest
        other article, as a card from ``cards`` (by id, fetched with the page's other cards),
        or else fetched here: one query beyond the byline, for any number of authors."""
        if cards is None:
            cards = Article.objects.for_cards().in_bulk(self.byline_latest_ids)
        return [(byline.author, cards.get(byline.latest_id)) for byline in self._bylines]

    @cached_property
    def tag_list(self) -> list[Tag]:
        """The article's tags, read once for everything its page does with them (the list
        under the text, the metadata's keywords, "Læs også" and the suggestions)."""
        return list(self.tags.all())

    def related_ids(self, limit: int = 3) -> list[int]:
        """Related articles ("Læs også"): the articles staff chose, in their order, filled
        up with the newest published articles sharing the most tags."""
        return self.neighbours(related=limit, suggestions=0)[0]

    def related_for_display(self, limit: int = 3) -> list["Article"]:
        return cards_in_order(self.related_ids(limit))

    def related_suggestions(self, limit: int = 8) -> list["Article"]:
        """Candidates for "Læs også" in the admin: published articles sharing the most tags
        and goals, leaving out those already chosen."""
        tag_ids = list(self.tagged_items.values_list("tag_id", flat=True))
        goal_ids = list(self.goals.values_list("pk", flat=True))
        # Each kind of sharing is asked for only when the article has some: an empty IN list
        # would empty the whole query.
        candidates = Q(pk__in=[])
        shared = {"shared_tags": Value(0), "shared_goals": Value(0)}
        if tag_ids:
            condition = Q(tagged_items__tag_id__in=tag_ids)
            candidates |= condition
            shared["shared_tags"] = Count("tagged_items", filter=condition, distinct=True)
        if goal_ids:
            condition = Q(goals__in=goal_ids)
            candidates |= condition
            shared["shared_goals"] = Count("goals", filter=condition, distinct=True)
        if not (tag_ids or goal_ids):
            return []
        return list(
            Article.objects.published()
            .select_related("section")
            .exclude(pk=self.pk)
            .exclude(pk__in=self.related_links.values("to_article_id"))
            .filter(candidates)
            .annotate(**shared)
            .order_by((F("shared_tags") + F("shared_goals")).desc(), "-published_at", "-pk")[:limit]
        )

    def neighbours(
        self, related: int = 3, suggestions: int = 12, recent: int = 30, window: int = 300
    ) -> tuple[list[int], list[int]]:
        """(related article ids, suggestion ids best first), in two queries whatever the
        numbers.

        Related ("Læs også"): the articles staff chose, in their order, filled up to
        ``related`` with articles sharing the most of this one's tags, among the newest
        ``window`` (so the cost stays the same as the archive grows). Suggestions ("Fik du læst
        disse?"): the ``recent`` newest articles not related, those sharing the most tags
        first; a few more than are shown, as the page leaves out those on the reader's list.
        Both rank the same window of newest articles, read once with each one's shared tags.
        """
        public = Article.objects.published()
        chosen = list(
            public.filter(linked_from__from_article=self)
            .order_by("linked_from__position")
            .values_list("pk", flat=True)[:related]
        )
        tag_ids = [tag.pk for tag in self.tag_list]
        missing = related - len(chosen)
        if not suggestions and not (missing > 0 and tag_ids):
            return chosen, []
        # Each of the newest articles (the window only to fill up "Læs også"), newest first,
        # with how many of this one's tags it shares: counted per article from the tag index,
        # so the query reads the window and never the whole archive.
        shared = (
            Coalesce(
                Subquery(
                    TaggedArticle.objects.filter(content_object=OuterRef("pk"), tag__in=tag_ids)
                    .values("content_object")
                    .annotate(count=Count("pk"))
                    .values("count")
                ),
                0,
            )
            if tag_ids
            else Value(0)
        )
        ranked = list(
            public.exclude(pk__in=[self.pk, *chosen])
            .order_by("-published_at", "-pk")
            .annotate(shared_tags=shared)
            .values_list("pk", "shared_tags")[: window if missing > 0 and tag_ids else recent]
        )
        # sorted() keeps the newest first among equals.
        by_tags = [pk for pk, count in sorted(ranked, key=lambda row: -row[1]) if count]
        related_ids = chosen + by_tags[: max(missing, 0)]
        shown = set(related_ids)
        candidates = [row for row in ranked if row[0] not in shown][:recent]
        return related_ids, [
            pk for pk, _ in sorted(candidates, key=lambda row: -row[1])[:suggestions]
        ]


def cards_in_order(ids: list[int]) -> list[Article]:
    """Published articles for cards, in the order of ``ids``, in one query."""
    cards = Article.objects.published().for_cards().in_bulk(ids)
    return [cards[pk] for pk in ids if pk in cards]


class ArticleAuthor(models.Model):
    """An author in an article's byline; ``position`` keeps the byline's order."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="bylines")
    # PROTECT: deleting an author must never take their articles with them.
    author = models.ForeignKey(
        Author, verbose_name="skribent", on_delete=models.PROTECT, related_name="bylines"
    )
    position = models.PositiveSmallIntegerField("rækkefølge", default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = "skribent på artikel"
        verbose_name_plural = "skribenter på artikel"
        constraints = [
            models.UniqueConstraint(fields=["article", "author"], name="unique_article_author"),
        ]

    def __str__(self):
        return f"{self.author} – {self.article}"

    def shown_publicly(self) -> bool:
        return articles_shown_publicly(pk=self.article_id)

    def public_article(self) -> int:
        return self.article_id


class RelatedArticle(models.Model):
    """A related article chosen by staff, shown in the order they choose. One-way: that A
    points to B says nothing about B."""

    from_article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="related_links"
    )
    to_article = models.ForeignKey(
        Article,
        verbose_name="relateret artikel",
        on_delete=models.CASCADE,
        related_name="linked_from",
    )
    position = models.PositiveSmallIntegerField("rækkefølge", default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = "relateret artikel"
        verbose_name_plural = "relaterede artikler"
        constraints = [
            models.UniqueConstraint(
                fields=["from_article", "to_article"], name="unique_related_article"
            ),
            models.CheckConstraint(
                condition=~Q(from_article=models.F("to_article")),
                name="related_article_not_itself",
            ),
        ]

    def __str__(self):
        return f"{self.from_article} → {self.to_article}"

    def shown_publicly(self) -> bool:
        # Only on the page of the article it starts from (one-way), and only while the other
        # is public; taking that one down retires its pages anyway.
        return articles_shown_publicly(pk=self.from_article_id)

    def public_article(self) -> int:
        return self.from_article_id


class SearchWord(models.Model):
    """A word that occurs in the articles, for what Danish stemming cannot do: finding
    compounds by their parts ("organisation" in "boligorganisationer") and suggesting a
    spelling ("Mente du …?"). Trigram-indexed on PostgreSQL (migration 0006)."""

    word = models.CharField(max_length=60, unique=True)

    class Meta:
        verbose_name = "søgeord"
        verbose_name_plural = "søgeord"

    def __str__(self):
        return self.word


class ArticleSlugRedirect(models.Model):
    """An earlier address of a published article, answered with a permanent redirect."""

    old_slug = models.SlugField("tidligere webadresse", max_length=200, unique=True)
    article = models.ForeignKey(
        Article, verbose_name="artikel", on_delete=models.CASCADE, related_name="slug_redirects"
    )
    created_at = models.DateTimeField("oprettet", auto_now_add=True)

    class Meta:
        verbose_name = "tidligere adresse"
        verbose_name_plural = "tidligere adresser"

    def __str__(self):
        return f"{self.old_slug} → {self.article.slug}"


class Reader(models.Model):
    """Someone with a reading list: an anonymous visitor, named by a signed cookie holding
    this random id, or a logged-in user (``user`` set), whose list follows the account."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reader",
    )
    created_at = models.DateTimeField("oprettet", auto_now_add=True)
    last_seen_at = models.DateTimeField("sidst set", default=timezone.now, db_index=True)

    class Meta:
        verbose_name = "læser"
        verbose_name_plural = "læsere"

    def __str__(self):
        return str(self.user) if self.user_id else f"Anonym læser {str(self.id)[:8]}"


class ReadingListItem(models.Model):
    """An article on a reader's list. Unique per reader and article, so double clicks and
    concurrent requests can never make two."""

    reader = models.ForeignKey(Reader, on_delete=models.CASCADE, related_name="items")
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="reading_list_items"
    )
    added_at = models.DateTimeField("tilføjet", default=timezone.now)
    read_at = models.DateTimeField("læst", null=True, blank=True)

    class Meta:
        ordering = ["-added_at", "-pk"]
        verbose_name = "artikel på læseliste"
        verbose_name_plural = "artikler på læselister"
        constraints = [
            models.UniqueConstraint(fields=["reader", "article"], name="one_item_per_article"),
        ]
        indexes = [models.Index(fields=["reader", "-added_at"], name="reading_list_order")]

    def __str__(self):
        return f"{self.reader}: {self.article}"


class ArticleEvent(models.Model):
    """One step in an article's editorial life ("Forløb"): who did what, when, from which
    status to which, with the note they left. Written by newsroom/workflow.py only."""

    class Action(models.TextChoices):
        CREATED = "created", "Oprettet"
        SUBMITTED = "submitted", "Sendt til redigering"
        WITHDRAWN = "withdrawn", "Trukket tilbage til kladde"
        RETURNED = "returned", "Sendt tilbage til skribenten"
        PUBLISHED = "published", "Udgivet"
        SCHEDULED = "scheduled", "Planlagt til udgivelse"
        UNPUBLISHED = "unpublished", "Afpubliceret"
        RESTORED = "restored", "Tidligere version gendannet"
        RECOVERED = "recovered", "Gendannet efter sletning"
        CHANGE_PROPOSED = "change_proposed", "Ændringer sendt til godkendelse"
        CHANGE_APPROVED = "change_approved", "Ændringer godkendt"
        CHANGE_RETURNED = "change_returned", "Ændringer sendt tilbage"
        PLACED = "placed", "Placering på forsiden ændret"
        TRASHED = "trashed", "Lagt i papirkurven"
        UNTRASHED = "untrashed", "Gendannet fra papirkurven"
        CORRECTION_PROPOSED = "correction_proposed", "Rettelse foreslået"
        CORRECTION_PUBLISHED = "correction_published", "Rettelse udgivet"
        CORRECTION_WITHDRAWN = "correction_withdrawn", "Rettelse trukket tilbage"
        QUOTE_CHECK_OPENED = "quote_check_opened", "Citattjek sendt"
        QUOTE_CHECK_CHANGED = "quote_check_changed", "Citattjek: afsnit valgt igen"
        QUOTE_CHECK_REVOKED = "quote_check_revoked", "Citattjek trukket tilbage"
        QUOTE_CHECK_ANSWERED = "quote_check_answered", "Citattjek besvaret"

    # Steps beside the article's own course (a source's quote check): they leave its status,
    # its latest note and the desk's view of it as they were.
    ASIDE = (
        Action.QUOTE_CHECK_OPENED,
        Action.QUOTE_CHECK_CHANGED,
        Action.QUOTE_CHECK_REVOKED,
        Action.QUOTE_CHECK_ANSWERED,
    )

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="udført af",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField("tidspunkt", default=timezone.now)
    action = models.CharField("handling", max_length=20, choices=Action.choices)
    from_status = models.CharField(
        "fra status", max_length=20, choices=Article.Status.choices, blank=True
    )
    to_status = models.CharField("til status", max_length=20, choices=Article.Status.choices)
    # For a publication: the time it takes effect (in the future when scheduled).
    published_at = models.DateTimeField("udgivelsestidspunkt", null=True, blank=True)
    note = models.TextField("note", blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "hændelse"
        verbose_name_plural = "forløb"
        indexes = [
            models.Index(fields=["article", "-created_at"], name="article_event_order"),
            models.Index(fields=["action", "-created_at"], name="article_event_action"),
        ]

    def __str__(self):
        return f"{self.article}: {self.get_action_display()}"


class PendingChange(models.Model):
    """A journalist's edit of a published article, waiting for an editor: the public page
    stays as it is until an editor approves it (newsroom/workflow.py). ``content`` holds the
    proposed values of the article's content (see ``workflow.CONTENT_FIELDS``) and its
    byline, tags and goals."""

    class State(models.TextChoices):
        PENDING = "pending", "Afventer godkendelse"
        APPROVED = "approved", "Godkendt"
        RETURNED = "returned", "Sendt tilbage"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="pending_changes")
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="foreslået af",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField("sendt", default=timezone.now)
    updated_at = models.DateTimeField("ændret", default=timezone.now)
    content = models.JSONField("indhold", default=dict)
    state = models.CharField(
        "tilstand", max_length=10, choices=State.choices, default=State.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="afgjort af",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField("afgjort", null=True, blank=True)
    note = models.TextField("note fra redaktøren", blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = "ændring til godkendelse"
        verbose_name_plural = "ændringer til godkendelse"
        constraints = [
            # One open change per article: a journalist's later edit updates it.
            models.UniqueConstraint(
                fields=["article"],
                condition=Q(state="pending"),
                name="one_pending_change_per_article",
            ),
        ]

    def __str__(self):
        return f"{self.article} ({self.get_state_display()})"


class EditorialMail(models.Model):
    """A notification mail to the newsroom, written in the same transaction as the step it
    tells of and sent after the commit (newsroom/notifications.py). A mail that could not be
    sent stays here and is tried again (``manage.py send_editorial_mail``), so a mail server
    that is down never fails or loses an editor's action."""

    event = models.ForeignKey(
        ArticleEvent, on_delete=models.SET_NULL, null=True, blank=True, related_name="mails"
    )
    to = models.JSONField("modtagere", default=list)
    subject = models.CharField("emne", max_length=250)
    text = models.TextField("tekst")
    html = models.TextField("HTML", blank=True)
    created_at = models.DateTimeField("oprettet", default=timezone.now)
    sent_at = models.DateTimeField("sendt", null=True, blank=True)
    attempts = models.PositiveSmallIntegerField("forsøg", default=0)
    last_error = models.TextField("seneste fejl", blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = "redaktionel mail"
        verbose_name_plural = "redaktionelle mails"
        indexes = [
            models.Index(
                fields=["created_at"], condition=Q(sent_at__isnull=True), name="mail_unsent"
            ),
        ]

    def __str__(self):
        return self.subject


class ContentVersion(models.Model):
    """The version of what the public pages show: one row, counted up in the same
    transaction as every change to public content (articles/caching/invalidation.py), so the
    new version becomes visible to other requests exactly when the change does.

    Every cached page, fragment and remembered value carries the version in its key
    (articles/caching/store.py). Kept in the database, a retirement cannot be lost to a cache
    fault: a version kept only in Redis was skipped while Redis was marked down after a
    stall, and the old version and its pages came back when Redis answered again. Writers
    take turns on the row, so versions follow the order in which changes commit.

    ``takedowns`` counts the changes that took something public away (unpublished, or a
    public article changed or deleted): the last good copies kept for database outages are
    valid only until the next one (articles/caching/pages.py).

    ``structure`` counts the changes that may show anywhere (a section, a goal, a tag's name,
    an article leaving the public): they retire every page. A change to one public article
    (published, edited, its byline or tags) counts up ``number`` only, and records it in
    ``PublicArticleVersion``: its own page and the pages that list articles are retired, the
    pages of other articles are not (articles/caching/pages.py, ``freshness``).

    ``published`` is how many articles are published, scheduled ones included, as of this
    version: counted when a change is made, so that a page built cold counts only the
    scheduled ones (a few, by the index) and not the whole archive
    (articles/caching/store.py, ``publication_clock``). ``schedule`` is when the scheduled
    ones among them appear (timestamps, soonest first), written by the same change: with it
    the row alone says how many are out at any moment, and when the next one comes.
    """

    number = models.PositiveBigIntegerField("version", default=0)
    changed_at = models.DateTimeField("ændret", default=timezone.now)
    takedowns = models.PositiveBigIntegerField("fjernelser", default=0)
    taken_down_at = models.DateTimeField("seneste fjernelse", default=timezone.now)
    structure = models.PositiveBigIntegerField("strukturversion", default=0)
    restructured_at = models.DateTimeField("seneste strukturændring", default=timezone.now)
    restructured_number = models.PositiveBigIntegerField(
        "version ved seneste strukturændring", default=0
    )
    published = models.PositiveIntegerField("udgivne artikler, planlagte medregnet", default=0)
    schedule = models.JSONField("planlagte udgivelser", default=list, blank=True)

    class Meta:
        verbose_name = "indholdsversion"
        verbose_name_plural = "indholdsversioner"
        constraints = [
            models.CheckConstraint(condition=Q(pk=1), name="one_content_version"),
        ]

    def __str__(self):
        return str(self.number)


class PublicArticleVersion(models.Model):
    """The content version (``ContentVersion.number``) at which a public article last changed:
    a stored page of that article made before it is retired, the pages of other articles
    are not. One row per article, written in the same transaction as the change; rows are
    not removed with their article (its page is gone by then, retired with the structure)."""

    article_id = models.PositiveBigIntegerField("artikel", primary_key=True)
    number = models.PositiveBigIntegerField("version", db_index=True)

    class Meta:
        verbose_name = "artikelversion"
        verbose_name_plural = "artikelversioner"

    def __str__(self):
        return f"{self.article_id}: {self.number}"
