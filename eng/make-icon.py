#!/usr/bin/env python3
"""Draws eng/icon.png (128x128 RGBA): six nodes on a hexagon around a centre node, every outer node linked to its
neighbours and to the centre - a small service mesh. Standard library only (zlib + struct write the PNG).
Run from the repository root: python3 eng/make-icon.py"""
import math
import struct
import zlib

SIZE, SS = 128, 4  # pixels, supersampling per axis
BG, EDGE, NODE, HUB = (0x1E, 0x3A, 0x5F), (0x8F, 0xC7, 0xE8), (0xF2, 0xA9, 0x3B), (0xFF, 0xFF, 0xFF)

centre = (64.0, 64.0)
outer = [(64 + 40 * math.cos(math.radians(90 + 60 * k)), 64 - 40 * math.sin(math.radians(90 + 60 * k))) for k in range(6)]
edges = [(outer[k], outer[(k + 1) % 6]) for k in range(6)] + [(centre, p) for p in outer] + [(outer[k], outer[(k + 2) % 6]) for k in range(0, 6, 2)]


def segment_distance(p, a, b):
    ax, ay = a; bx, by = b; px, py = p
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def colour_at(x, y):
    # Rounded square background; transparent outside it.
    r, m = 22.0, 2.0
    cx, cy = min(max(x, m + r), SIZE - m - r), min(max(y, m + r), SIZE - m - r)
    if math.hypot(x - cx, y - cy) > r:
        return None
    if math.hypot(x - centre[0], y - centre[1]) <= 11:
        return HUB
    if any(math.hypot(x - px, y - py) <= 8.5 for px, py in outer):
        return NODE
    if any(segment_distance((x, y), a, b) <= 2.2 for a, b in edges):
        return EDGE
    return BG


rows = []
for j in range(SIZE):
    row = bytearray([0])  # filter: none
    for i in range(SIZE):
        acc, hits = [0, 0, 0], 0
        for sj in range(SS):
            for si in range(SS):
                c = colour_at(i + (si + 0.5) / SS, j + (sj + 0.5) / SS)
                if c is not None:
                    hits += 1
                    for n in range(3):
                        acc[n] += c[n]
        if hits:
            row += bytes([acc[0] // hits, acc[1] // hits, acc[2] // hits, 255 * hits // (SS * SS)])
        else:
            row += bytes([0, 0, 0, 0])
    rows.append(bytes(row))


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)) \
    + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")
with open("eng/icon.png", "wb") as f:
    f.write(png)
