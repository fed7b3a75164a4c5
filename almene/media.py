"""Where media (uploaded pictures, their renditions, the demo pictures) live: ``MEDIA_ROOT`` on
this server, or, when ``AWS_STORAGE_BUCKET_NAME`` is set, an S3-compatible bucket that every
app server shares (django-storages' S3 backend, ``almene.storage.ObjectStorage``).

Read by the settings, so nothing here imports boto3: a site without a bucket never loads it.

The bucket is public for reading single objects (pages link pictures at its address, or at
its CDN's, ``AWS_S3_CUSTOM_DOMAIN``) and must not be listable by the public: names are random
(uploads) or digests of the picture (renditions), so a draft's picture is only found by those
who were shown its address.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

# Every stored picture's name changes with its content (random for originals, a digest for
# renditions), so browsers and CDNs may keep any of them for a year without asking again.
CACHE_CONTROL = "public, max-age=31536000, immutable"


def public_base_url(
    *,
    bucket_name: str,
    endpoint_url: str | None = None,
    region_name: str | None = None,
    custom_domain: str | None = None,
    url_protocol: str = "https:",
    addressing_style: str | None = None,
    location: str = "",
) -> str:
    """The address the bucket's objects are read at, ending in ``/``: a file's address is this
    plus its name. The same address django-storages' ``S3Storage.url()`` gives without query
    string signing (tests/test_object_storage.py compares them), made without boto3."""
    if custom_domain:
        base = f"{url_protocol}//{custom_domain.strip('/')}/"
    elif endpoint_url:
        endpoint = urlsplit(endpoint_url)
        if addressing_style == "virtual":
            base = f"{endpoint.scheme}://{bucket_name}.{endpoint.netloc}{endpoint.path}"
        else:
            base = f"{endpoint.scheme}://{endpoint.netloc}{endpoint.path.rstrip('/')}/{bucket_name}"
        base = base.rstrip("/") + "/"
    else:
        host = f"s3.{region_name}.amazonaws.com" if region_name else "s3.amazonaws.com"
        base = f"https://{bucket_name}.{host}/"
    location = location.strip("/")
    return base + (f"{quote(location)}/" if location else "")


def media_origins(media_url: str) -> list[str]:
    """What the Content-Security-Policy must allow besides the site itself for pictures (and
    for the service worker, which fetches a saved article's picture to keep it offline):
    the origin of ``MEDIA_URL`` when media are on another host, else nothing."""
    parts = urlsplit(media_url)
    return [f"{parts.scheme}://{parts.netloc}"] if parts.scheme and parts.netloc else []


@dataclass(frozen=True)
class ObjectStore:
    """The bucket media live in, as the environment describes it."""

    bucket_name: str
    endpoint_url: str = ""  # another store than AWS: SeaweedFS, MinIO, R2, Spaces, …
    access_key: str = ""  # empty: boto3's own chain (an instance's role, ~/.aws)
    secret_key: str = ""
    region_name: str = ""
    custom_domain: str = ""  # a CDN or public host in front of the bucket, maybe with a path
    url_protocol: str = "https:"
    addressing_style: str = ""  # "path" or "virtual"; path with an endpoint_url by default
    location: str = ""  # a folder inside the bucket, for a bucket shared with others

    @classmethod
    def from_environment(cls, environ: Mapping[str, str]) -> ObjectStore | None:
        """``AWS_STORAGE_BUCKET_NAME`` and friends (django-storages' own names); None when no
        bucket is named, and media stay in ``MEDIA_ROOT``."""

        def value(name: str) -> str:
            return environ.get(name, "").strip()

        bucket = value("AWS_STORAGE_BUCKET_NAME")
        if not bucket:
            return None
        endpoint = value("AWS_S3_ENDPOINT_URL").rstrip("/")
        custom_domain, url_protocol = value("AWS_S3_CUSTOM_DOMAIN"), "https:"
        # A scheme may be given with the domain (http:// for a store on this machine).
        for scheme in ("http", "https"):
            if custom_domain.startswith(f"{scheme}://"):
                custom_domain, url_protocol = custom_domain[len(scheme) + 3 :], f"{scheme}:"
        return cls(
            bucket_name=bucket,
            endpoint_url=endpoint,
            access_key=value("AWS_ACCESS_KEY_ID"),
            secret_key=value("AWS_SECRET_ACCESS_KEY"),
            region_name=value("AWS_S3_REGION_NAME"),
            custom_domain=custom_domain.strip("/"),
            url_protocol=url_protocol,
            addressing_style=value("AWS_S3_ADDRESSING_STYLE") or ("path" if endpoint else ""),
            location=value("AWS_LOCATION").strip("/"),
        )

    @property
    def media_url(self) -> str:
        return public_base_url(
            bucket_name=self.bucket_name,
            endpoint_url=self.endpoint_url or None,
            region_name=self.region_name or None,
            custom_domain=self.custom_domain or None,
            url_protocol=self.url_protocol,
            addressing_style=self.addressing_style or None,
            location=self.location,
        )

    def storage(self) -> dict:
        """``STORAGES["default"]`` for this bucket."""
        options = {
            "bucket_name": self.bucket_name,
            "endpoint_url": self.endpoint_url or None,
            "access_key": self.access_key or None,
            "secret_key": self.secret_key or None,
            "region_name": self.region_name or None,
            "custom_domain": self.custom_domain or None,
            "url_protocol": self.url_protocol,
            "addressing_style": self.addressing_style or None,
            "location": self.location,
            # Public, unsigned addresses: pages are cached whole and must not carry links
            # that expire. The bucket's policy (not an ACL per object) makes objects readable.
            "querystring_auth": False,
            "default_acl": None,
            # Names are random or digests: never taken twice, so no existence check (a round
            # trip) before a write to find a free name.
            "file_overwrite": True,
            "object_parameters": {"CacheControl": CACHE_CONTROL},
        }
        return {"BACKEND": "almene.storage.ObjectStorage", "OPTIONS": options}
