"""Media in object storage (issue 24): with ``AWS_STORAGE_BUCKET_NAME`` set, uploads, renditions
and the demo pictures go to an S3-compatible bucket through django-storages, pages link them at
the bucket's address, and no file lands in ``MEDIA_ROOT``.

Against a real store: SeaweedFS, started once for the run (tests/seaweedfs.py), with a bucket
of the run's own and a folder per test. Nothing here is mocked; the store's requests are
counted with boto3's own event hook.
"""

from __future__ import annotations

import io
import re
import urllib.error
import urllib.request
from datetime import timedelta
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from storages.backends.s3 import S3Storage

from almene.media import ObjectStore, public_base_url
from almene.storage import ObjectStorage
from articles.images import FORMATS
from articles.models import Article, Author
from newsletter import content
from newsletter.mails import digest_message

from .factories import ArticleFactory, AuthorFactory, SectionFactory, UserFactory
from .seaweedfs import public_get
from .test_admin import article_post, change_url, form_errors

pytestmark = pytest.mark.django_db

RANDOM_ARTICLE_NAME = re.compile(r"articles/\d{4}/\d{2}/[0-9a-f]{32}\.jpg")


def photo(seed: int, size=(1200, 800)) -> bytes:
    """A JPEG with detail in it (noise over a gradient): a different picture each call."""
    gradient = Image.linear_gradient("L").resize(size)
    noise = Image.effect_noise(size, 40 + seed % 50)
    image = Image.merge("RGB", (gradient, noise, gradient.rotate(seed % 360)))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=88)
    return buffer.getvalue()


@pytest.fixture
def editor(client):
    user = UserFactory(username="redaktoer", groups=["Redaktør"])
    client.force_login(user)
    return user


def upload_hero(client, data: bytes, article: Article | None = None) -> Article:
    article = article or ArticleFactory(draft=True)
    picture = SimpleUploadedFile("IMG_2041.jpg", data, content_type="image/jpeg")
    response = client.post(change_url(article), article_post(article, hero_image=picture))
    assert response.status_code == 302, form_errors(response)
    article.refresh_from_db()
    return article


def rendition_names(renditions: dict, shapes=("hero", "card")) -> set[str]:
    return {
        f"{renditions['dir']}/{shape}-{width}.{ext}"
        for shape in shapes
        for width, _ in renditions[shape]
        for ext, _, _ in FORMATS
    }


class Addresses(HTMLParser):
    """Every address a page asks the browser to load a picture from."""

    def __init__(self):
        super().__init__()
        self.found: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in ("img", "source"):
            if attributes.get("src"):
                self.found.add(attributes["src"])
            for candidate in (attributes.get("srcset") or "").split(","):
                if candidate.strip():
                    self.found.add(candidate.split()[0])
        if tag == "meta" and attributes.get("property") == "og:image":
            self.found.add(attributes["content"])
        if tag == "article" and attributes.get("data-offline-image"):
            self.found.add(attributes["data-offline-image"])


def picture_addresses(html: str) -> set[str]:
    parser = Addresses()
    parser.feed(html)
    return parser.found


# --- Uploads and renditions ---------------------------------------------------------------------


def test_an_upload_goes_to_the_bucket_with_its_renditions_and_nothing_to_disk(
    client, editor, object_storage
):
    picture = photo(1)
    with object_storage.requests() as sent:
        article = upload_hero(client, picture)

    name = article.hero_image.name
    assert RANDOM_ARTICLE_NAME.fullmatch(name), name  # unguessable, as on disk
    renditions = rendition_names(article.hero_renditions)
    assert set(object_storage.names()) == {name, *renditions}
    assert object_storage.files_on_disk() == []

    # Round trips: one listing of the picture's folder, one write per file. No existence
    # check per rendition, no read of what was just written.
    assert sent.count("ListObjects") == 1
    assert sent.count("PutObject") == 1 + len(renditions)
    assert set(sent) == {"ListObjects", "PutObject"}, sent

    # The same picture again (another article): its renditions are found, not made again.
    with object_storage.requests() as sent:
        again = upload_hero(client, picture)
    assert again.hero_renditions == article.hero_renditions
    assert again.hero_image.name != name
    assert sent == ["ListObjects", "PutObject"]

    # What is stored is the cleaned original: no camera metadata.
    with default_storage.open(name) as stored, Image.open(stored) as image:
        assert not image.getexif()


def test_an_author_portrait_goes_to_the_bucket(client, editor, object_storage):
    author = AuthorFactory()
    data = {"name": author.name, "slug": author.slug, "role": "", "bio": "", "user": ""}
    data["photo"] = SimpleUploadedFile("portraet.jpg", photo(2, (400, 400)), "image/jpeg")
    response = client.post(reverse("admin:articles_author_change", args=[author.pk]), data)
    assert response.status_code == 302, response.content[:500]
    author.refresh_from_db()
    keys = set(object_storage.names())
    assert author.photo.name in keys
    assert rendition_names(author.photo_renditions, ("portrait",)) <= keys
    assert object_storage.files_on_disk() == []


def test_the_writing_screen_shows_the_picture_from_the_bucket(client, editor, object_storage):
    article = upload_hero(client, photo(3))
    page = client.get(change_url(article)).content.decode()
    thumbnail = re.search(r'<img class="picture-input__thumbnail" src="([^"]+)"', page)
    assert (
        thumbnail[1] == f"{object_storage.media_url}{article.hero_renditions['dir']}/hero-480.webp"
    )
    assert public_get(thumbnail[1])[0] == 200
    assert f'href="{object_storage.media_url}{article.hero_image.name}"' in page


# --- Pages ----------------------------------------------------------------------------------


def test_pages_link_every_picture_at_the_bucket_and_the_bucket_serves_it(client, object_storage):
    section = SectionFactory(name="Byggeri")
    article = ArticleFactory(section=section, with_image=True, title="Solceller på taget")
    ArticleFactory(section=section, with_image=True)
    media = object_storage.media_url
    seen = set()
    for url in ("/", article.get_absolute_url(), section.get_absolute_url()):
        response = client.get(url)
        assert response.status_code == 200, url
        addresses = picture_addresses(response.content.decode())
        pictures = {address for address in addresses if "/renditions/" in address}
        assert pictures, url
        assert all(address.startswith(media) for address in pictures), (url, pictures)
        seen |= pictures
        # The browser may load them: the policy names the bucket's origin.
        policy = response["Content-Security-Policy"]
        origin = "{0.scheme}://{0.netloc}".format(urlsplit(media))
        assert re.search(rf"img-src [^;]*{re.escape(origin)}", policy), policy
        assert re.search(rf"connect-src [^;]*{re.escape(origin)}", policy), policy
    for address in seen:
        status, headers, body = public_get(address, Origin="http://testserver")
        assert status == 200, address
        assert headers["Content-Type"] in ("image/webp", "image/jpeg"), headers
        assert "immutable" in headers["Cache-Control"]
        # CORS, so that the service worker can keep (and count) a picture for offline reading.
        assert headers.get("Access-Control-Allow-Origin") in ("*", "http://testserver")
        assert Image.open(io.BytesIO(body)).format in ("WEBP", "JPEG")
    assert object_storage.files_on_disk() == []


def test_the_bucket_lists_nothing_and_takes_nothing_from_the_public(client, editor, object_storage):
    """A draft's picture is public only to whoever is given its address: the bucket answers
    an object by its name and lists nothing, at the top, in a folder or by prefix."""
    draft = upload_hero(client, photo(4))
    bucket = f"{object_storage.bucket.endpoint}/{object_storage.bucket.name}"
    original = f"{object_storage.media_url}{draft.hero_image.name}"
    assert public_get(original)[0] == 200
    folder = f"{object_storage.media_url}{draft.hero_renditions['dir']}/"
    for listing in (
        f"{object_storage.bucket.endpoint}/",
        f"{bucket}/",
        f"{bucket}?list-type=2",
        f"{bucket}?prefix={object_storage.prefix}/",
        f"{bucket}?list-type=2&prefix={object_storage.prefix}/articles/",
        folder,
        f"{object_storage.media_url}articles/",
    ):
        status, _, body = public_get(listing)
        assert status != 200 or b"<Key>" not in body, listing
        assert draft.hero_image.name.encode() not in body, listing
        assert draft.hero_renditions["dir"].encode() not in body or listing == folder
    put = urllib.request.Request(f"{object_storage.media_url}hack.txt", b"x", method="PUT")
    try:
        status = urllib.request.urlopen(put, timeout=10).status
    except urllib.error.HTTPError as error:
        status = error.code
    assert status == 403
    assert "hack.txt" not in object_storage.names()


def test_the_newsletter_links_pictures_at_the_bucket(settings, object_storage):
    settings.SITE_URL = "https://almene.example.org"
    now = timezone.now()
    article = ArticleFactory(with_image=True, published_at=now - timedelta(hours=1))
    articles = content.articles_between(now - timedelta(days=7), now)
    assert [each.id for each in articles] == [article.pk]
    assert articles[0].thumbnail_url.startswith(object_storage.media_url)
    from newsletter.models import Digest, Subscriber

    digest = Digest.objects.create(
        number=1, period="2026-U01", starts_at=now - timedelta(days=7), ends_at=now
    )
    person = Subscriber.objects.create(
        email="laeser@example.org", state=Subscriber.State.CONFIRMED, everything=True
    )
    html = digest_message(person, digest, articles).alternatives[0][0]
    sources = re.findall(r'<img[^>]* src="([^"]+)"', html)
    assert sources == [articles[0].thumbnail_url]
    assert public_get(sources[0])[0] == 200


def test_the_service_worker_may_keep_pictures_from_the_bucket(client, object_storage):
    response = client.get("/sw.js")
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(object_storage.media_url))
    assert f'const MEDIA_ORIGIN = "{origin}";' in response.content.decode()
    assert re.search(rf"connect-src [^;]*{re.escape(origin)}", response["Content-Security-Policy"])


# --- Demo content and the rename command ------------------------------------------------------


def test_the_demo_pictures_go_to_the_bucket(object_storage):
    call_command("seed_demo", articles=3, images=1)
    keys = set(object_storage.names())
    assert "demo/estate-00.jpg" in keys
    article = Article.objects.exclude(hero_image="").first()
    assert rendition_names(article.hero_renditions) <= keys
    assert all(author.photo.name in keys for author in Author.objects.all())
    assert object_storage.files_on_disk() == []

    # Again: the pool's picture and its renditions are found in the bucket, not made again.
    with object_storage.requests() as sent:
        call_command("seed_demo", articles=3, images=1)
    assert "PutObject" not in sent, sent


def test_rename_uploads_moves_guessable_names_within_the_bucket(object_storage):
    old = default_storage.save("articles/2024/02/foto-fra-moedet.jpg", ContentFile(photo(5)))
    article = ArticleFactory(with_image=True)
    Article.objects.filter(pk=article.pk).update(hero_image=old)
    call_command("rename_uploads", stdout=io.StringIO(), stderr=io.StringIO())
    article.refresh_from_db()
    new = article.hero_image.name
    assert re.fullmatch(r"articles/2024/02/[0-9a-f]{32}\.jpg", new), new
    keys = object_storage.names()
    assert new in keys and old not in keys
    assert public_get(f"{object_storage.media_url}{new}")[0] == 200
    assert public_get(f"{object_storage.media_url}{old}")[0] == 404
    assert object_storage.files_on_disk() == []


# --- Configuration ----------------------------------------------------------------------------


def test_picture_addresses_are_django_storages_own(settings, object_storage):
    """``ObjectStorage.url()`` makes addresses without boto3; they are the ones
    django-storages' S3 backend makes, for the store and for a CDN in front of it."""
    options = settings.STORAGES["default"]["OPTIONS"]
    names = ["renditions/ab/abcdef/", "renditions/ab/abcdef/hero-480.webp", "a b/ø&?.jpg"]
    for storage in (
        ObjectStorage(**options),
        ObjectStorage(**{**options, "custom_domain": "billeder.example.org"}),
    ):
        for name in names:
            assert storage.url(name) == S3Storage.url(storage, name), name
    assert default_storage.url(names[1]) == f"{object_storage.media_url}{names[1]}"


@pytest.mark.parametrize(
    ("environment", "media_url"),
    [
        ({"AWS_STORAGE_BUCKET_NAME": "almene"}, "https://almene.s3.amazonaws.com/"),
        (
            {"AWS_STORAGE_BUCKET_NAME": "almene", "AWS_S3_REGION_NAME": "eu-north-1"},
            "https://almene.s3.eu-north-1.amazonaws.com/",
        ),
        (
            {
                "AWS_STORAGE_BUCKET_NAME": "almene",
                "AWS_S3_ENDPOINT_URL": "https://s3.example.net/",
            },
            "https://s3.example.net/almene/",
        ),
        (
            {
                "AWS_STORAGE_BUCKET_NAME": "almene",
                "AWS_S3_ENDPOINT_URL": "https://s3.example.net",
                "AWS_S3_CUSTOM_DOMAIN": "billeder.almene.example.org",
            },
            "https://billeder.almene.example.org/",
        ),
        (
            {
                "AWS_STORAGE_BUCKET_NAME": "almene",
                "AWS_S3_CUSTOM_DOMAIN": "http://127.0.0.1:8080/media",
            },
            "http://127.0.0.1:8080/media/",
        ),
    ],
)
def test_the_media_address_follows_the_environment(environment, media_url):
    store = ObjectStore.from_environment(environment)
    assert store.media_url == media_url
    options = store.storage()["OPTIONS"]
    assert options["querystring_auth"] is False  # addresses that never expire
    assert options["object_parameters"]["CacheControl"].endswith("immutable")


def test_no_bucket_no_object_store():
    assert ObjectStore.from_environment({}) is None
    assert ObjectStore.from_environment({"AWS_STORAGE_BUCKET_NAME": " "}) is None
    assert public_base_url(bucket_name="b", endpoint_url="http://h:1", location="m/") == (
        "http://h:1/b/m/"
    )


def test_an_uploaded_picture_is_never_a_temporary_file_on_the_servers_disk(settings):
    """Django keeps uploads up to FILE_UPLOAD_MAX_MEMORY_SIZE in memory and writes larger ones
    to a temporary file: every picture the checks accept stays in memory."""
    from articles.uploads import MAX_UPLOAD_BYTES

    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE > MAX_UPLOAD_BYTES
