import io
import struct
import time
import zlib

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image, ImageCms, ImageFile

from articles.models import Article
from articles.uploads import (
    ALLOWED_FORMATS,
    HELP_TEXT,
    MAX_PIXELS,
    MAX_UPLOAD_BYTES,
    ImageUploadField,
    clean_original,
    validate_image_upload,
)

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
