"""Demo pictures drawn with Pillow, so that demo content needs no downloads: housing blocks
under a sky, with trees and windows, and simple portraits for the authors."""

import io
import random

from PIL import Image, ImageDraw, ImageFilter, ImageFont

SKIES = [
    ((120, 170, 215), (222, 236, 246)),
    ((246, 178, 107), (252, 226, 190)),
    ((93, 126, 168), (188, 206, 226)),
    ((160, 200, 190), (236, 244, 238)),
    ((200, 130, 140), (246, 214, 206)),
]
FACADES = [
    (196, 112, 84),
    (222, 204, 176),
    (150, 156, 162),
    (188, 160, 120),
    (120, 138, 120),
    (214, 186, 150),
    (170, 90, 70),
]
GREENS = [(64, 118, 72), (86, 140, 82), (48, 96, 64), (110, 150, 90)]


def _gradient(size, top, bottom) -> Image.Image:
    height = size[1]
    column = Image.new("RGB", (1, height))
    for y in range(height):
        t = y / max(height - 1, 1)
        column.putpixel(
            (0, y), tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        )
    return column.resize(size)


def housing_scene(number: int, size=(1600, 1000)) -> bytes:
    """A JPEG of an estate of housing blocks, different for each ``number``."""
    rng = random.Random(number)
    width, height = size
    top, bottom = rng.choice(SKIES)
    image = _gradient(size, top, bottom)
    draw = ImageDraw.Draw(image)
    horizon = int(height * rng.uniform(0.68, 0.78))

    # Far blocks, hazy, then near blocks with windows and balconies.
    far = Image.new("RGBA", size, (0, 0, 0, 0))
    far_draw = ImageDraw.Draw(far)
    x = -rng.randint(0, 80)
    while x < width:
        block_width = rng.randint(120, 260)
        block_top = horizon - rng.randint(120, 320)
        far_draw.rectangle([x, block_top, x + block_width, horizon], fill=(*bottom, 150))
        x += block_width + rng.randint(10, 60)
    image.paste(far.filter(ImageFilter.GaussianBlur(3)), (0, 0), far)

    x = -rng.randint(0, 120)
    while x < width:
        block_width = rng.randint(240, 520)
        floors = rng.randint(3, 8)
        floor_height = rng.randint(46, 62)
        block_top = horizon - floors * floor_height - 20
        facade = rng.choice(FACADES)
        draw.rectangle([x, block_top, x + block_width, horizon], fill=facade)
        draw.rectangle([x - 6, block_top - 14, x + block_width + 6, block_top], fill=(70, 70, 76))
        window_width = rng.randint(26, 40)
        columns = max(2, block_width // (window_width * 2))
        gap = block_width / columns
        for floor in range(floors):
            y = block_top + 20 + floor * floor_height
            for column in range(columns):
                wx = x + column * gap + (gap - window_width) / 2
                lit = rng.random() < 0.18
                glass = (250, 226, 150) if lit else (66, 86, 108)
                draw.rectangle([wx, y + 8, wx + window_width, y + floor_height - 14], fill=glass)
                if rng.random() < 0.3:
                    draw.rectangle(
                        [
                            wx - 6,
                            y + floor_height - 16,
                            wx + window_width + 6,
                            y + floor_height - 8,
                        ],
                        fill=tuple(max(0, c - 40) for c in facade),
                    )
        x += block_width + rng.randint(40, 160)

    # Ground, a path and trees in front.
    draw.rectangle([0, horizon, width, height], fill=rng.choice(GREENS))
    path_y = horizon + rng.randint(40, 110)
    draw.polygon(
        [(0, path_y), (width, path_y - 30), (width, path_y + 30), (0, path_y + 70)],
        fill=(206, 196, 178),
    )
    for _ in range(rng.randint(5, 11)):
        tx = rng.randint(0, width)
        ty = horizon + rng.randint(10, height - horizon - 40)
        radius = rng.randint(40, 110)
        draw.rectangle([tx - 6, ty - 10, tx + 6, ty + radius // 2], fill=(92, 70, 52))
        draw.ellipse([tx - radius, ty - radius * 2, tx + radius, ty], fill=rng.choice(GREENS))

    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=88)
    return buffer.getvalue()


def portrait(name: str, number: int, size=640) -> bytes:
    """A JPEG portrait placeholder: a head-and-shoulders silhouette with the initials."""
    rng = random.Random(f"portrait-{number}")
    top, bottom = rng.choice(SKIES)
    image = _gradient((size, size), top, bottom)
    draw = ImageDraw.Draw(image)
    colour = rng.choice(FACADES)
    draw.ellipse([size * 0.14, size * 0.62, size * 0.86, size * 1.3], fill=colour)
    draw.ellipse([size * 0.32, size * 0.18, size * 0.68, size * 0.58], fill=(236, 204, 178))
    initials = "".join(part[0] for part in name.split()[:2]).upper()
    try:
        font = ImageFont.load_default(size=size // 8)
    except TypeError:  # Pillow before 10.1 has no sizes for the default font
        font = ImageFont.load_default()
    draw.text((size * 0.5, size * 0.88), initials, fill=(255, 255, 255), font=font, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=88)
    return buffer.getvalue()
