"""Moves images stored before uploads got random names (issue 11) to random names.

Those files still sit under the uploader's file name (``articles/2024/02/foto.jpg``), so a
draft's hero image can be found at a guessable /media/ address. Each such file is copied to
``<same folder>/<32 hex digits>.<extension of its real format>``, every row and saved version
that names it is pointed at the copy, and only then is the old file deleted: a failure on the
way leaves the old file and the rows as they were. Renditions are named by the bytes, which
do not change, so none are made again (rows are changed with ``update()``: no signals run).
"""

import json
import posixpath
import warnings

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from django.db import transaction
from PIL import Image
from reversion.models import Version

from articles.models import Article, Author
from articles.uploads import RANDOM_FILE_NAME, extension_for, random_file_name, stored_extension

# Every image field with an uploaded file, as (model, field name).
IMAGE_FIELDS = [(Article, "hero_image"), (Author, "photo")]


def is_random(name: str) -> bool:
    return bool(RANDOM_FILE_NAME.fullmatch(posixpath.basename(name)))


def guessable_names() -> list[str]:
    """The stored names, shared or not, that are not random yet (each once)."""
    names = set()
    for model, field in IMAGE_FIELDS:
        stored = model.objects.exclude(**{field: ""}).exclude(**{f"{field}__isnull": True})
        names.update(stored.order_by().values_list(field, flat=True).distinct())
    return sorted(name for name in names if not is_random(name))


def real_extension(file, old_name: str) -> str:
    """The extension of the file's real format, read from its header; the old name's when
    Pillow cannot tell (a damaged file keeps what it was called, if that is one of ours)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image_format = Image.open(file).format
    except Exception:
        image_format = None
    finally:
        file.seek(0)
    return extension_for(image_format) or stored_extension(old_name)


def point_versions_at(model, field: str, old: str, new: str) -> None:
    """Saved versions (django-reversion) name the file too: restoring one must find it."""
    needle = json.dumps(old, ensure_ascii=False)
    versions = Version.objects.get_for_model(model).filter(
        format="json", serialized_data__contains=needle
    )
    for version in versions:
        objects = json.loads(version.serialized_data)
        changed = False
        for obj in objects:
            if obj.get("fields", {}).get(field) == old:
                obj["fields"][field] = new
                changed = True
        if changed:
            Version.objects.filter(pk=version.pk).update(
                serialized_data=json.dumps(objects, ensure_ascii=False)
            )


class Command(BaseCommand):
    help = (
        "Giver hovedbilleder og portrætter, der stadig ligger under uploaderens filnavn, "
        "et tilfældigt navn, som ingen kan gætte. Kan køres igen: tilfældige navne røres ikke."
    )

    def handle(self, *args, **options):
        renamed = missing = 0
        for old in guessable_names():
            if self.rename(old):
                renamed += 1
            else:
                missing += 1
        if missing:
            self.stderr.write(f"{missing} filer findes ikke i lageret og har beholdt deres navn.")
        if renamed == 1:
            self.stdout.write("1 billede har fået et nyt navn.")
        else:
            self.stdout.write(f"{renamed} billeder har fået nye navne.")

    def rename(self, old: str) -> bool:
        """Move one stored file to a random name; False if there is no file to move."""
        if not default_storage.exists(old):
            self.stderr.write(f"Springer over {old}: filen findes ikke.")
            return False
        with default_storage.open(old, "rb") as file:
            target = posixpath.join(
                posixpath.dirname(old), random_file_name(real_extension(file, old))
            )
            new = default_storage.save(target, file)
        try:
            with transaction.atomic():
                for model, field in IMAGE_FIELDS:
                    model.objects.filter(**{field: old}).update(**{field: new})
                    point_versions_at(model, field, old, new)
        except BaseException:
            default_storage.delete(new)  # nothing points at the copy; the old file stays
            raise
        default_storage.delete(old)
        return True
