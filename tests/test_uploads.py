import functools
import io
import re
import struct
import time
import zlib

import pytest
import reversion
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from PIL import ExifTags, Image, ImageCms, ImageFile
from reversion.models import Version

from articles.images import build_renditions
from articles.models import Article, Author
from articles.uploads import (
    ALLOWED_FORMATS,
    HELP_TEXT,
    MAX_PIXELS,
    MAX_UPLOAD_BYTES,
    ImageUploadField,
    clean_original,
    validate_image_upload,
)

from .factories import ArticleFactory, AuthorFactory, UserFactory, image_file
from .test_admin import article_post, change_url, form_errors

SVG = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b'<rect width="10" height="10" fill="red"/></svg>'
)


def encode(image: Image.Image, fmt: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def photo(size=(600, 400), mode="RGB") -> Image.Image:
    """A picture with detail in it, so that encoded files have real scan data to cut."""
    image = Image.linear_gradient("L").resize(size)
    noise = Image.effect_noise(size, 60)
    if mode == "L":
        return Image.blend(image, noise, 0.5)
    return Image.merge("RGB", (image, noise, image.transpose(Image.Transpose.FLIP_LEFT_RIGHT)))


def upload(data: bytes, name: str = "billede.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def png_claiming(width: int, height: int) -> bytes:
    """A small PNG whose header claims ``width`` x ``height`` (the pixel data is a stub)."""
    data = bytearray(encode(Image.new("1", (8, 8)), "PNG"))
    # Signature (8), IHDR length and type (8), then width and height; CRC after 13 bytes.
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    return bytes(data)


def rejection(file) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        validate_image_upload(file)
    assert file.tell() == 0
    return caught.value


# validate_image_upload: what passes


def test_limits():
    assert MAX_UPLOAD_BYTES == 20 * 1024 * 1024
    assert MAX_PIXELS == 40_000_000
    assert {"JPEG", "PNG", "WEBP"} == ALLOWED_FORMATS


@pytest.mark.parametrize(
    ("fmt", "name", "options"),
    [
        ("JPEG", "foto.jpg", {"quality": 85}),
        ("JPEG", "foto.jpeg", {"quality": 85, "progressive": True, "optimize": True}),
        ("PNG", "grafik.png", {}),
        ("WEBP", "foto.webp", {"quality": 80}),
        ("WEBP", "grafik.webp", {"lossless": True}),
    ],
)
def test_valid_images_pass_and_are_rewound(fmt, name, options):
    file = upload(encode(photo(), fmt, **options), name)
    file.read(10)
    validate_image_upload(file)
    assert file.tell() == 0
    assert Image.open(file).format == fmt


def test_transparent_and_palette_pngs_pass():
    rgba = Image.new("RGBA", (50, 40), (10, 20, 30, 0))
    validate_image_upload(upload(encode(rgba, "PNG"), "a.png"))
    palette = photo().convert("P", palette=Image.Palette.ADAPTIVE)
    validate_image_upload(upload(encode(palette, "PNG", transparency=0), "p.png"))
    validate_image_upload(upload(encode(photo(mode="L"), "PNG"), "l.png"))


def test_phone_jpeg_with_embedded_pictures_passes():
    # Pillow reads a JPEG with an MPF index (depth maps, previews) as "MPO".
    data = encode(photo(), "MPO", save_all=True, append_images=[photo((120, 80))])
    file = upload(data, "telefon.jpg")
    assert Image.open(io.BytesIO(data)).format == "MPO"
    validate_image_upload(file)


def test_cmyk_jpeg_passes():
    validate_image_upload(upload(encode(photo().convert("CMYK"), "JPEG"), "tryk.jpg"))


def test_exactly_the_size_limit_passes():
    file = upload(encode(photo(), "JPEG"))
    file.size = MAX_UPLOAD_BYTES
    validate_image_upload(file)


# validate_image_upload: what fails, and why


def test_too_large():
    file = upload(encode(photo(), "JPEG"))
    file.size = 25 * 1024 * 1024
    error = rejection(file)
    assert error.code == "too_large"
    assert error.messages == ["Filen fylder 25,0 MB. Billeder må højst fylde 20 MB."]


def test_just_over_the_size_limit_never_reads_as_the_limit():
    file = upload(encode(photo(), "JPEG"))
    file.size = MAX_UPLOAD_BYTES + 1
    assert rejection(file).messages == ["Filen fylder 20,1 MB. Billeder må højst fylde 20 MB."]


def test_too_large_when_the_size_is_not_told():
    file = upload(b"\0" * (MAX_UPLOAD_BYTES + 1))
    file.size = None
    error = rejection(file)
    assert error.code == "too_large"
    assert "Billeder må højst fylde 20 MB" in error.messages[0]


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (SVG, "logo.svg"),
        (SVG, "logo.png"),  # renamed: found by its content
        (b"\xef\xbb\xbf  <!-- logo -->\n<svg xmlns='http://www.w3.org/2000/svg'/>", "x.jpg"),
        (b"<SVG></SVG>", "upload"),
        (encode(photo(), "PNG"), "logo.svg"),  # the extension alone is enough
    ],
)
def test_svg(data, name):
    error = rejection(upload(data, name))
    assert error.code == "svg"
    assert "SVG" in error.messages[0]
    assert "JPEG, PNG eller WebP" in error.messages[0]


@pytest.mark.parametrize(
    "data",
    [
        "Her er en tekst med æ, ø og å, ikke et billede.\n".encode() * 20,
        b"",
        b"\xff\xd8\xff",  # the start of a JPEG and nothing else
        b"%PDF-1.7\n" + b"0" * 500,
    ],
)
def test_not_an_image(data):
    error = rejection(upload(data, "billede.jpg"))
    assert error.code == "not_image"
    assert error.messages == [
        "Filen er ikke et billede, eller også er den beskadiget. Brug JPEG, PNG eller WebP."
    ]


@pytest.mark.parametrize(
    ("fmt", "name", "mode"),
    [("GIF", "anim.gif", "P"), ("BMP", "skærm.bmp", "RGB"), ("TIFF", "scan.tif", "RGB")],
)
def test_unsupported_formats(fmt, name, mode):
    error = rejection(upload(encode(photo().convert(mode), fmt), name))
    assert error.code == "unsupported_format"
    assert error.messages == [f"Billedformatet {fmt} understøttes ikke. Brug JPEG, PNG eller WebP."]


def test_iphone_heic_is_named():
    heic = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 200
    error = rejection(upload(heic, "IMG_0001.HEIC"))
    assert error.code == "unsupported_format"
    assert "HEIC" in error.messages[0]


def test_fifty_megapixels_is_refused_quickly():
    data = encode(Image.new("1", (10000, 5000)), "PNG")  # about 6 KB on disk
    started = time.perf_counter()
    error = rejection(upload(data, "kæmpe.png"))
    assert time.perf_counter() - started < 0.5  # judged by the header, never decoded
    assert error.code == "too_many_pixels"
    assert error.messages == ["Billedet er 50,0 megapixel. Højst 40 megapixel er tilladt."]


def test_pixels_are_judged_from_the_header_before_decoding():
    # The pixel data is a stub: decoding would fail, so "corrupt" would mean it was decoded.
    error = rejection(upload(png_claiming(8000, 8000), "a.png"))
    assert error.code == "too_many_pixels"
    assert error.messages == ["Billedet er 64,0 megapixel. Højst 40 megapixel er tilladt."]


@pytest.mark.parametrize(
    ("width", "height", "megapixels"),
    [
        (10000, 10000, "100,0"),  # over Pillow's warning limit: refused inside Image.open
        (20000, 20000, "400,0"),  # over Pillow's error limit
    ],
)
def test_decompression_bombs(width, height, megapixels):
    error = rejection(upload(png_claiming(width, height), "bombe.png"))
    assert error.code == "too_many_pixels"
    assert error.messages == [f"Billedet er {megapixels} megapixel. Højst 40 megapixel er tilladt."]


def test_just_over_the_pixel_limit():
    error = rejection(upload(png_claiming(40_000_001, 1), "a.png"))
    assert error.code == "too_many_pixels"
    assert error.messages[0].startswith("Billedet er 40,1 megapixel.")


@pytest.mark.parametrize("load_truncated_images", [False, True])
def test_jpeg_cut_in_half(monkeypatch, load_truncated_images):
    # Whatever the rest of the program has set Pillow to accept.
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", load_truncated_images)
    data = encode(photo(), "JPEG", quality=90)
    error = rejection(upload(data[: len(data) // 2], "halv.jpg"))
    assert error.code == "corrupt"
    assert error.messages == ["Billedet er beskadiget eller ufuldstændigt og kan ikke åbnes."]


@pytest.mark.parametrize("load_truncated_images", [False, True])
@pytest.mark.parametrize(
    ("fmt", "options", "end_marker"),
    [("JPEG", {}, 2), ("JPEG", {"progressive": True}, 2), ("PNG", {}, 12)],
)
def test_truncated_files_are_corrupt(monkeypatch, load_truncated_images, fmt, options, end_marker):
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", load_truncated_images)
    data = encode(photo(), fmt, **options)
    for cut in (len(data) // 3, len(data) - end_marker):  # into the pixels; the end missing
        assert rejection(upload(data[:cut], "x")).code == "corrupt"


@pytest.mark.parametrize(
    ("fmt", "options"),
    [("JPEG", {}), ("JPEG", {"progressive": True}), ("PNG", {}), ("WEBP", {})],
)
def test_damaged_files_never_escape_as_other_exceptions(fmt, options):
    data = encode(photo((200, 150)), fmt, **options)
    damaged = [data[:cut] for cut in range(0, len(data), max(1, len(data) // 40))]
    for position in range(20, len(data), max(1, len(data) // 15)):
        flipped = bytearray(data)
        flipped[position] ^= 0xFF
        damaged.append(bytes(flipped))
    for sample in damaged:
        file = upload(sample, "x")
        try:
            validate_image_upload(file)
        except ValidationError as error:
            assert error.code in {"not_image", "corrupt", "too_many_pixels"}
        assert file.tell() == 0


# clean_original


def exif_with_orientation_and_gps(orientation=6) -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Make] = "Kamera A/S"
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (55.0, 40.0, 36.0),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: (12.0, 34.0, 8.0),
    }
    return exif


def two_colour_photo(size=(300, 200)) -> Image.Image:
    """Red on the left, blue on the right."""
    image = Image.new("RGB", size, (0, 0, 255))
    image.paste((255, 0, 0), (0, 0, size[0] // 2, size[1]))
    return image


def near(pixel, colour, tolerance=40):
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, colour, strict=True))


def test_clean_original_applies_orientation_and_drops_exif_and_gps():
    data = encode(two_colour_photo(), "JPEG", exif=exif_with_orientation_and_gps())
    source = Image.open(io.BytesIO(data))
    assert source.getexif().get_ifd(ExifTags.IFD.GPSInfo)  # the test file does have a position

    file = upload(data, "gps.jpg")
    file.read(5)
    cleaned = clean_original(file)
    assert file.tell() == 0

    assert cleaned.name == "gps.jpg"
    image = Image.open(io.BytesIO(cleaned.read()))
    assert image.format == "JPEG"
    assert image.size == (200, 300)  # orientation 6: turned a quarter clockwise
    image = image.convert("RGB")
    assert near(image.getpixel((100, 10)), (255, 0, 0))  # the left half is now on top
    assert near(image.getpixel((100, 290)), (0, 0, 255))
    assert "exif" not in image.info
    assert not image.getexif()
    assert not image.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    assert image.info.get("progressive")


def test_clean_original_drops_xmp_and_comments_but_keeps_the_icc_profile():
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF/></x:xmpmeta>'
    data = encode(photo(), "JPEG", icc_profile=icc, xmp=xmp, comment="Fotograf: Hemmelig")
    assert "xmp" in Image.open(io.BytesIO(data)).info

    image = Image.open(clean_original(upload(data, "icc.jpg")))
    assert image.info.get("icc_profile") == icc
    assert "xmp" not in image.info
    assert "comment" not in image.info
    assert not image.getexif()


def test_clean_original_keeps_a_png_a_png():
    source = Image.new("RGBA", (64, 48), (200, 30, 30, 128))
    exif = exif_with_orientation_and_gps(orientation=1)
    cleaned = clean_original(upload(encode(source, "PNG", exif=exif), "grafik.png"))
    assert cleaned.name == "grafik.png"
    image = Image.open(cleaned)
    assert image.format == "PNG"
    assert image.mode == "RGBA"
    assert image.size == (64, 48)
    assert image.getpixel((5, 5)) == (200, 30, 30, 128)
    assert not image.getexif()


def test_clean_original_keeps_palette_transparency():
    source = Image.new("P", (20, 20), 0)
    source.putpalette([255, 255, 255, 200, 0, 0])
    source.paste(1, (5, 5, 15, 15))
    image = Image.open(clean_original(upload(encode(source, "PNG", transparency=0), "p.png")))
    assert image.convert("RGBA").getpixel((0, 0))[3] == 0
    assert image.convert("RGBA").getpixel((10, 10)) == (200, 0, 0, 255)


def test_clean_original_keeps_a_webp_a_webp():
    exif = exif_with_orientation_and_gps()
    cleaned = clean_original(upload(encode(two_colour_photo(), "WEBP", exif=exif), "f.webp"))
    image = Image.open(cleaned)
    assert image.format == "WEBP"
    assert image.size == (200, 300)
    assert not image.getexif()


def test_clean_original_turns_cmyk_into_rgb():
    image = Image.open(clean_original(upload(encode(photo().convert("CMYK"), "JPEG"), "t.jpg")))
    assert (image.format, image.mode, image.size) == ("JPEG", "RGB", (600, 400))


def test_clean_original_stores_a_phone_jpeg_as_plain_jpeg():
    data = encode(photo(), "MPO", save_all=True, append_images=[photo((120, 80))])
    image = Image.open(clean_original(upload(data, "telefon.jpg")))
    assert image.format == "JPEG"
    assert image.size == (600, 400)


def test_clean_original_refuses_what_validation_refuses():
    data = encode(photo(), "JPEG")
    with pytest.raises(ValidationError) as caught:
        clean_original(upload(data[: len(data) // 2]))
    assert caught.value.code == "corrupt"


# ImageUploadField


class PhotoForm(forms.Form):
    image = ImageUploadField()


def test_field_shows_our_message_for_a_truncated_jpeg():
    data = encode(photo(), "JPEG")
    form = PhotoForm(data={}, files={"image": upload(data[: len(data) // 2], "halv.jpg")})
    assert not form.is_valid()
    assert form.errors["image"] == ["Billedet er beskadiget eller ufuldstændigt og kan ikke åbnes."]
    assert form.errors.as_data()["image"][0].code == "corrupt"


def test_field_shows_the_interpolated_message():
    file = upload(encode(photo(), "JPEG"))
    file.size = 30 * 1024 * 1024
    form = PhotoForm(data={}, files={"image": file})
    assert not form.is_valid()
    assert form.errors["image"] == ["Filen fylder 30,0 MB. Billeder må højst fylde 20 MB."]


@pytest.mark.parametrize(("fmt", "name"), [("JPEG", "god.jpg"), ("WEBP", "god.webp")])
def test_field_accepts_a_good_image(fmt, name):
    file = upload(encode(photo(), fmt), name)
    form = PhotoForm(data={}, files={"image": file})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["image"] is file
    assert file.tell() == 0


def test_field_leaves_empty_files_to_django():
    form = PhotoForm(data={}, files={"image": upload(b"", "tom.jpg")})
    assert not form.is_valid()
    assert form.errors.as_data()["image"][0].code == "empty"


def test_field_help_text_and_accept():
    field = PhotoForm().fields["image"]
    assert field.help_text == HELP_TEXT == "JPEG, PNG eller WebP, højst 20 MB og 40 megapixel."
    assert field.widget.attrs["accept"] == "image/jpeg,image/png,image/webp"
    assert ImageUploadField(help_text="Eget.").help_text == "Eget."


def test_field_as_a_model_fields_form_class_keeps_the_help_text():
    # What formfield_overrides does: the model field passes its own (empty) help_text.
    field = Article._meta.get_field("hero_image").formfield(form_class=ImageUploadField)
    assert isinstance(field, ImageUploadField)
    assert field.help_text == HELP_TEXT
    assert not field.required


# Renditions of images of any shape the validator accepts (issue 11, item 6)

# WebP's own limit on a side (14 bits), a fact of the format rather than of our code.
WEBP_LIMIT = 16383
EXTREME_SHAPES = [(800, 17000), (1, 40000), (40000, 1), (17000, 800), (1000, 40000)]


@functools.cache
def png(size, colour=(40, 120, 90)) -> bytes:
    """A PNG of ``size`` with a stripe across it, so that scaling has something to do."""
    image = Image.new("RGB", size, colour)
    image.paste((230, 230, 230), (0, 0, size[0], max(1, size[1] // 10)))
    return encode(image, "PNG")


def assert_renditions_match_files(renditions: dict, shapes, storage):
    """Every size in ``renditions`` was written in both formats at exactly that size, within
    WebP's limit, and each shape's sizes grow; no other file was written."""
    listed = set()
    for shape in shapes:
        sizes = renditions[shape]
        assert sizes, shape
        widths = [width for width, _ in sizes]
        assert widths == sorted(set(widths)), sizes
        for width, height in sizes:
            assert 1 <= width <= WEBP_LIMIT and 1 <= height <= WEBP_LIMIT, (shape, width, height)
            for ext, fmt in (("webp", "WEBP"), ("jpg", "JPEG")):
                name = f"{renditions['dir']}/{shape}-{width}.{ext}"
                listed.add(name.rsplit("/", 1)[1])
                with storage.open(name) as file, Image.open(file) as image:
                    assert (image.format, image.size) == (fmt, (width, height)), name
                    image.load()
    _, written = storage.listdir(renditions["dir"])
    assert set(written) == listed


@pytest.mark.parametrize("size", EXTREME_SHAPES, ids=lambda size: "x".join(map(str, size)))
def test_renditions_of_extreme_shapes_fit_webp(tmp_path, size):
    storage = FileSystemStorage(location=tmp_path)
    shapes = ("hero", "card", "portrait")
    renditions = build_renditions(ContentFile(png(size), name="lang.png"), shapes, storage)
    assert_renditions_match_files(renditions, shapes, storage)

    # The hero keeps the source's proportions as far as whole pixels (at least one) allow.
    width, height = size
    for hero_width, hero_height in renditions["hero"]:
        if min(hero_width, hero_height) > 1:
            assert abs(hero_height - hero_width * height / width) <= 1, (hero_width, hero_height)
        else:
            assert (hero_width >= hero_height) == (width >= height)
    # The crops keep their own shape (3:2 card, square portrait) when the source allows it.
    assert all(side <= 720 for sizes in renditions["card"] for side in sizes)
    assert all(w == h for w, h in renditions["portrait"])


def test_a_tall_hero_is_as_large_as_webp_allows(tmp_path):
    storage = FileSystemStorage(location=tmp_path)
    renditions = build_renditions(ContentFile(png((800, 17000)), name="x.png"), ("hero",), storage)
    # 480 px wide fits as it is; 800 px would be 17000 tall, so it is scaled down to fit.
    assert renditions["hero"] == [[480, 10200], [770, 16362]]


def test_a_one_pixel_strip_is_never_narrower_than_a_pixel(tmp_path):
    storage = FileSystemStorage(location=tmp_path)
    renditions = build_renditions(ContentFile(png((1, 40000)), name="x.png"), ("hero",), storage)
    assert renditions["hero"] == [[1, WEBP_LIMIT]]
    renditions = build_renditions(ContentFile(png((40000, 1)), name="y.png"), ("hero",), storage)
    assert renditions["hero"] == [[480, 1], [800, 1], [1200, 1], [1600, 1]]


@pytest.fixture
def editor():
    return UserFactory(username="redaktoer", groups=["Redaktør"])


def author_post(author, **fields):
    """The POST data of the author change form, as the admin page would send it."""
    data = {"name": author.name, "slug": author.slug, "role": author.role, "bio": author.bio}
    data["user"] = ""
    data.update(fields)
    return data


def author_change_url(author):
    return reverse("admin:articles_author_change", args=[author.pk])


@pytest.mark.django_db
def test_editor_saves_an_article_with_a_very_tall_hero_image(client, editor):
    client.force_login(editor)
    article = ArticleFactory(draft=True)
    tall = upload(png((800, 17000)), "hoej.png")
    response = client.post(change_url(article), article_post(article, hero_image=tall))
    assert response.status_code == 302, form_errors(response)

    article.refresh_from_db()
    assert article.hero_image
    with article.hero_image.open() as file, Image.open(file) as image:
        assert image.size == (800, 17000)  # the original is kept as it was uploaded
    assert_renditions_match_files(article.hero_renditions, ("hero", "card"), default_storage)
    assert article.hero_picture.sizes[-1] == [770, 16362]


@pytest.mark.django_db
def test_editor_saves_an_author_portrait_one_pixel_wide(client, editor):
    client.force_login(editor)
    author = AuthorFactory()
    strip = upload(png((1, 40000)), "streg.png")
    response = client.post(author_change_url(author), author_post(author, photo=strip))
    assert response.status_code == 302, form_errors(response)

    author.refresh_from_db()
    assert author.photo
    assert_renditions_match_files(author.photo_renditions, ("portrait",), default_storage)
    assert author.portrait.sizes == [[1, 1]]


# Stored names nobody can guess (issue 11, item 8)

ARTICLE_NAME = re.compile(r"articles/\d{4}/\d{2}/[0-9a-f]{32}\.(jpg|png|webp)")
AUTHOR_NAME = re.compile(r"authors/\d{4}/[0-9a-f]{32}\.(jpg|png|webp)")


def post_hero_image(client, data: bytes, name: str) -> Article:
    article = ArticleFactory(draft=True)
    response = client.post(
        change_url(article), article_post(article, hero_image=upload(data, name))
    )
    assert response.status_code == 302, form_errors(response)
    article.refresh_from_db()
    return article


@pytest.mark.django_db
def test_an_uploaded_hero_image_gets_an_unguessable_name(client, editor):
    client.force_login(editor)
    article = post_hero_image(client, encode(photo(), "JPEG"), "foto.jpg")
    name = article.hero_image.name
    assert ARTICLE_NAME.fullmatch(name), name
    assert name.startswith(timezone.localdate().strftime("articles/%Y/%m/"))
    assert name.endswith(".jpg")
    assert "foto" not in name
    assert default_storage.exists(name)


@pytest.mark.django_db
def test_two_uploads_of_the_same_file_name_get_different_names(client, editor):
    client.force_login(editor)
    data = encode(photo(), "JPEG")
    first = post_hero_image(client, data, "foto.jpg").hero_image.name
    second = post_hero_image(client, data, "foto.jpg").hero_image.name
    assert first != second
    assert ARTICLE_NAME.fullmatch(first) and ARTICLE_NAME.fullmatch(second)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fmt", "name", "extension"),
    [("PNG", "foto.jpg", ".png"), ("JPEG", "grafik.png", ".jpg"), ("WEBP", "foto.png", ".webp")],
)
def test_the_stored_extension_follows_the_real_format(client, editor, fmt, name, extension):
    client.force_login(editor)
    article = post_hero_image(client, encode(photo(), fmt), name)
    assert article.hero_image.name.endswith(extension)
    assert ARTICLE_NAME.fullmatch(article.hero_image.name)
    with article.hero_image.open() as file, Image.open(file) as image:
        assert image.format == fmt


@pytest.mark.django_db
def test_an_uploaded_author_photo_gets_an_unguessable_name(client, editor):
    client.force_login(editor)
    author = AuthorFactory()
    portrait = upload(encode(photo((300, 300)), "PNG"), "jens-hansen.jpg")
    response = client.post(author_change_url(author), author_post(author, photo=portrait))
    assert response.status_code == 302, form_errors(response)
    author.refresh_from_db()
    assert AUTHOR_NAME.fullmatch(author.photo.name), author.photo.name
    assert author.photo.name.startswith(timezone.localdate().strftime("authors/%Y/"))
    assert author.photo.name.endswith(".png")
    assert "jens" not in author.photo.name


@pytest.mark.django_db
def test_images_saved_in_code_get_unguessable_names_too():
    article = ArticleFactory(with_image=True)
    assert ARTICLE_NAME.fullmatch(article.hero_image.name), article.hero_image.name
    author = AuthorFactory(photo=image_file(size=(200, 200), name="portraet.jpg"))
    assert AUTHOR_NAME.fullmatch(author.photo.name), author.photo.name


def test_clean_original_names_the_copy_by_its_real_format():
    assert clean_original(upload(encode(photo(), "PNG"), "foto.jpg")).name == "foto.png"
    assert clean_original(upload(encode(photo(), "JPEG"), "scan.JPEG")).name == "scan.jpg"
    assert clean_original(upload(encode(photo(), "WEBP"), "uden-endelse")).name == (
        "uden-endelse.webp"
    )


# The rename_uploads command: files stored before names were random


def store(name: str, data: bytes) -> str:
    return default_storage.save(name, ContentFile(data))


def run_rename() -> str:
    out = io.StringIO()
    call_command("rename_uploads", stdout=out, stderr=out)
    return out.getvalue()


@pytest.mark.django_db
def test_rename_uploads_gives_old_files_random_names():
    jpeg, png_data = encode(photo(), "JPEG"), encode(photo((64, 64)), "PNG")
    shared = store("articles/2024/02/faelles.jpg", jpeg)
    mislabelled = store("articles/2024/03/tegning.jpg", png_data)  # a PNG with a .jpg name
    portrait = store("authors/2024/jens-hansen.jpg", jpeg)
    first, second = ArticleFactory(with_image=True), ArticleFactory(with_image=True)
    third, fresh = ArticleFactory(with_image=True), ArticleFactory(with_image=True)
    author = AuthorFactory()
    Article.objects.filter(pk__in=[first.pk, second.pk]).update(hero_image=shared)
    Article.objects.filter(pk=third.pk).update(hero_image=mislabelled)
    Author.objects.filter(pk=author.pk).update(photo=portrait)
    renditions = {a.pk: a.hero_renditions for a in (first, second, third, fresh)}
    fresh_name = fresh.hero_image.name

    output = run_rename()

    assert "3 billeder har fået nye navne." in output
    for article in (first, second, third, fresh):
        article.refresh_from_db()
        assert ARTICLE_NAME.fullmatch(article.hero_image.name), article.hero_image.name
        assert article.hero_renditions == renditions[article.pk]  # nothing was remade
    author.refresh_from_db()
    assert AUTHOR_NAME.fullmatch(author.photo.name), author.photo.name

    # One file shared by two articles is moved once, and both point at its new name.
    assert first.hero_image.name == second.hero_image.name
    assert first.hero_image.name.startswith("articles/2024/02/")
    assert third.hero_image.name.endswith(".png")  # the extension follows the real format
    assert fresh.hero_image.name == fresh_name  # already random: left alone
    with default_storage.open(first.hero_image.name) as file:
        assert file.read() == jpeg
    with default_storage.open(author.photo.name) as file:
        assert file.read() == jpeg
    for old in (shared, mislabelled, portrait):
        assert not default_storage.exists(old)

    # Run again: nothing left to do, nothing changes.
    names = sorted(Article.objects.values_list("hero_image", flat=True))
    assert "0 billeder har fået nye navne." in run_rename()
    assert sorted(Article.objects.values_list("hero_image", flat=True)) == names


@pytest.mark.django_db
def test_rename_uploads_skips_missing_files_and_keeps_the_row():
    article = ArticleFactory(with_image=True)
    Article.objects.filter(pk=article.pk).update(hero_image="articles/2024/02/borte.jpg")
    output = run_rename()
    assert "articles/2024/02/borte.jpg" in output
    assert "0 billeder har fået nye navne." in output
    article.refresh_from_db()
    assert article.hero_image.name == "articles/2024/02/borte.jpg"


@pytest.mark.django_db
def test_rename_uploads_keeps_the_old_file_when_the_row_cannot_be_updated(monkeypatch):
    old = store("articles/2024/02/vigtig.jpg", encode(photo(), "JPEG"))
    article = ArticleFactory(with_image=True)
    Article.objects.filter(pk=article.pk).update(hero_image=old)
    before = set(default_storage.listdir("articles/2024/02")[1])

    def broken_update(self, **kwargs):
        raise RuntimeError("databasen svarer ikke")

    monkeypatch.setattr(QuerySet, "update", broken_update)
    with pytest.raises(RuntimeError):
        run_rename()
    monkeypatch.undo()

    article.refresh_from_db()
    assert article.hero_image.name == old
    assert default_storage.exists(old)
    assert set(default_storage.listdir("articles/2024/02")[1]) == before  # no copy left over


@pytest.mark.django_db
def test_rename_uploads_keeps_old_versions_restorable():
    old = store("articles/2024/02/version.jpg", encode(photo(), "JPEG"))
    article = ArticleFactory(with_image=True)
    Article.objects.filter(pk=article.pk).update(hero_image=old)
    article.refresh_from_db()
    with reversion.create_revision():
        article.save()
    run_rename()
    article.refresh_from_db()
    version = Version.objects.get_for_object(article).get()
    assert version.field_dict["hero_image"] == article.hero_image.name
    assert ARTICLE_NAME.fullmatch(article.hero_image.name)
