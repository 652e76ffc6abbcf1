#!/usr/bin/env python3
"""Draws GiBot's two Teams icons with the Python standard library only (run once; the PNGs are committed).

The emblem is a heraldic shield (protection) carrying the letters "GI" (geographical indication),
drawn as geometry and supersampled:
- color.png: 192x192, white emblem on the accent red, symbol inside the central 96x96-ish area.
- outline.png: 32x32, the same emblem in pure white on a fully transparent background; every pixel
  is either opaque white or fully transparent, as the Teams outline icon requires.

Usage: python3 draw_icons.py <output-folder>
"""
import math
import struct
import sys
import zlib

ACCENT = (0xA4, 0x16, 0x1A)  # seal red; keep equal to accentColor in manifest.json
WHITE = (255, 255, 255)


def shield(u, v, left, top, right, bottom):
    """True when (u, v) is inside a shield with a flat top and sides curving to a point at the bottom."""
    if v < top or v > bottom or u < left or u > right:
        return False
    half = (right - left) / 2
    centre = left + half
    t = (v - top) / (bottom - top)
    straight = 0.5
    if t <= straight:
        width = half
    else:
        width = half * math.cos(math.pi / 2 * (t - straight) / (1 - straight))
    return abs(u - centre) <= width


def letter_g(u, v, cx, cy, radius, stroke):
    """A geometric G: a ring open at the upper right, with a crossbar into the centre."""
    d = math.hypot(u - cx, v - cy)
    angle = math.degrees(math.atan2(cy - v, u - cx))  # 0 = right, 90 = up
    ring = radius - stroke <= d <= radius and not (-5 < angle < 50)
    bar = cy - stroke / 2 <= v <= cy + stroke / 2 and cx - stroke * 0.1 <= u <= cx + radius
    spur = cx + radius - stroke <= u <= cx + radius and cy <= v <= cy + radius * 0.55
    return ring or bar or spur


def letter_i(u, v, cx, cy, height, stroke):
    """An I with slab serifs."""
    top, bottom = cy - height / 2, cy + height / 2
    stem = abs(u - cx) <= stroke / 2 and top <= v <= bottom
    serif = abs(u - cx) <= stroke * 1.4 and (top <= v <= top + stroke * 0.8 or bottom - stroke * 0.8 <= v <= bottom)
    return stem or serif


def emblem(u, v, stroke):
    """The emblem in a 0..1 square: shield outline plus "GI". stroke is the line width in the same units."""
    outer = shield(u, v, 0.12, 0.06, 0.88, 0.96)
    inner = shield(u, v, 0.12 + stroke, 0.06 + stroke, 0.88 - stroke, 0.96 - stroke * 1.9)
    if outer and not inner:
        return True
    radius = 0.155
    g = letter_g(u, v, 0.40, 0.43, radius, stroke)
    i = letter_i(u, v, 0.655, 0.43, radius * 2, stroke)
    return g or i


def coverage(px, py, size, scale, offset, stroke, samples):
    hits = 0
    for sy in range(samples):
        for sx in range(samples):
            x = (px + (sx + 0.5) / samples) / size
            y = (py + (sy + 0.5) / samples) / size
            if emblem((x - offset) / scale, (y - offset) / scale, stroke):
                hits += 1
    return hits / (samples * samples)


def write_png(path, size, pixels):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    raw = bytearray()
    for y in range(size):
        raw.append(0)  # filter: none
        for x in range(size):
            raw.extend(pixels[y * size + x])
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b""))


def color_icon(path):
    size = 192
    pixels = []
    for py in range(size):
        for px in range(size):
            # The symbol fills the middle ~60% (about 116 px), leaving the padding Teams asks for.
            c = coverage(px, py, size, 0.6, 0.2, 0.075, 4)
            rgb = tuple(round(a * (1 - c) + w * c) for a, w in zip(ACCENT, WHITE))
            pixels.append(rgb + (255,))
    write_png(path, size, pixels)


# At 32 px geometry turns to mush, so the letters are drawn pixel by pixel (8 + 2 + 6 columns, 11 rows).
LETTERS = [
    ".######...######",
    "########..######",
    "##....##....##..",
    "##..........##..",
    "##..........##..",
    "##..####....##..",
    "##..####....##..",
    "##....##....##..",
    "##....##....##..",
    "########..######",
    ".######...######",
]

# Left edge of the filled shield per row (mirrored on the right); None = outside the shield.
SHIELD_LEFT = [None, None] + [4] * 19 + [5, 5, 6, 7, 8, 9, 10, 12, 13] + [None, None]


def outline_icon(path):
    size = 32

    def filled(x, y):
        if not 0 <= y < size or SHIELD_LEFT[y] is None:
            return False
        left = SHIELD_LEFT[y]
        return left <= x <= size - 1 - left

    def border(x, y):
        # Inside the shield and within 2 px of its edge: a 2 px outline.
        return filled(x, y) and any(not filled(x + dx, y + dy) for dx in range(-2, 3) for dy in range(-2, 3))

    def letter(x, y):
        row, col = y - 9, x - 8
        return 0 <= row < len(LETTERS) and 0 <= col < len(LETTERS[0]) and LETTERS[row][col] == "#"

    pixels = []
    for y in range(size):
        for x in range(size):
            pixels.append((255, 255, 255, 255) if border(x, y) or letter(x, y) else (0, 0, 0, 0))
    write_png(path, size, pixels)


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    color_icon(f"{out}/color.png")
    outline_icon(f"{out}/outline.png")
