"""Media in an S3-compatible bucket: django-storages' S3 backend with the site's choices
(``almene/media.py`` says when it is used and with what options).

- ``url()`` is the public address made without boto3: pages build a picture's ``srcset`` from
  one ``url()`` per picture, and django-storages would otherwise make a boto3 client per
  process and run its signer per call only to get an unsigned address.
- Short timeouts and few retries: a store that does not answer fails the editor's save in
  seconds, not after boto3's minutes.
"""

from __future__ import annotations

from botocore.config import Config
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage
from storages.utils import clean_name

from .media import public_base_url

TIMEOUTS = Config(
    connect_timeout=3,
    read_timeout=20,
    retries={"max_attempts": 3, "mode": "standard"},
    tcp_keepalive=True,
)


class ObjectStorage(S3Storage):
    def __init__(self, **settings):
        super().__init__(**settings)
        self.client_config = self.client_config.merge(TIMEOUTS)
        self.base_url = public_base_url(
            bucket_name=self.bucket_name,
            endpoint_url=self.endpoint_url,
            region_name=self.region_name,
            custom_domain=self.custom_domain,
            url_protocol=self.url_protocol,
            addressing_style=self.addressing_style,
            location=self.location,
        )

    def url(self, name, parameters=None, expire=None, http_method=None):
        if parameters or expire or http_method or self.querystring_auth:
            return super().url(name, parameters, expire, http_method)
        # The name as S3Storage.url() normalises it, a trailing slash kept (a folder's URL).
        key = self._normalize_name(clean_name(name))
        location = self.location.strip("/")
        if location and key.startswith(f"{location}/"):
            key = key[len(location) + 1 :]
        return self.base_url + filepath_to_uri(key).lstrip("/")
