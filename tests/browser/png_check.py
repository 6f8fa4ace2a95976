#!/usr/bin/env python3
"""Checks that a PNG screenshot is not blank: a tiny pure-Python PNG decoder (zlib only).

Usage: png_check.py FILE.png [--min-colours N] [--min-ink SHARE]
       png_check.py --self-test SCRATCH_DIRECTORY

Decodes 8-bit greyscale, RGB, RGBA and grey+alpha PNGs (non-interlaced, as Chromium writes
them), undoes the scanline filters, and fails unless the image has at least N distinct pixel
values and enough pixels that are neither the page nor the margin background.
"""

import argparse
import collections
import struct
import sys
import zlib

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
CHANNELS = {0: 1, 2: 3, 4: 2, 6: 4}  # colour type -> samples per pixel


def read_chunks(data):
    if not data.startswith(PNG_SIGNATURE):
        raise ValueError("not a PNG file")
    position = len(PNG_SIGNATURE)
    while position < len(data):
        (length,) = struct.unpack(">I", data[position:position + 4])
        kind = data[position + 4:position + 8]
        body = data[position + 8:position + 8 + length]
        position += 12 + length
        yield kind, body


def paeth(left, up, up_left):
    estimate = left + up - up_left
    to_left, to_up, to_up_left = abs(estimate - left), abs(estimate - up), abs(estimate - up_left)
    if to_left <= to_up and to_left <= to_up_left:
        return left
    return up if to_up <= to_up_left else up_left


def decode(path):
    """Returns (width, height, bytes per pixel, list of unfiltered rows as bytearrays)."""
    with open(path, "rb") as handle:
        data = handle.read()
    header = None
    compressed = bytearray()
    for kind, body in read_chunks(data):
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            compressed += body
        elif kind == b"IEND":
            break
    if header is None:
        raise ValueError("PNG has no IHDR chunk")
    width, height, depth, colour_type, _, _, interlace = header
    if depth != 8 or colour_type not in CHANNELS or interlace != 0:
        raise ValueError(f"unsupported PNG: depth {depth}, colour type {colour_type}, "
                         f"interlace {interlace}")
    pixel_bytes = CHANNELS[colour_type]
    raw = zlib.decompress(bytes(compressed))
    stride = width * pixel_bytes
    rows = []
    previous = bytearray(stride)
    position = 0
    for _ in range(height):
        filter_type = raw[position]
        row = bytearray(raw[position + 1:position + 1 + stride])
        position += 1 + stride
        for index in range(stride):
            left = row[index - pixel_bytes] if index >= pixel_bytes else 0
            up = previous[index]
            up_left = previous[index - pixel_bytes] if index >= pixel_bytes else 0
            if filter_type == 1:
                row[index] = (row[index] + left) & 0xFF
            elif filter_type == 2:
                row[index] = (row[index] + up) & 0xFF
            elif filter_type == 3:
                row[index] = (row[index] + ((left + up) >> 1)) & 0xFF
            elif filter_type == 4:
                row[index] = (row[index] + paeth(left, up, up_left)) & 0xFF
            elif filter_type != 0:
                raise ValueError(f"bad PNG filter type {filter_type}")
        rows.append(row)
        previous = row
    return width, height, pixel_bytes, rows


def encode(width, height, pixel_bytes, rows, filter_types):
    """A PNG of `rows` (lists of bytes), each filtered with the next of `filter_types`."""
    colour_type = {value: key for key, value in CHANNELS.items()}[pixel_bytes]
    raw = bytearray()
    previous = bytes(width * pixel_bytes)
    for number, row in enumerate(rows):
        filter_type = filter_types[number % len(filter_types)]
        raw.append(filter_type)
        for index, value in enumerate(row):
            left = row[index - pixel_bytes] if index >= pixel_bytes else 0
            up = previous[index]
            up_left = previous[index - pixel_bytes] if index >= pixel_bytes else 0
            predictor = [0, left, up, (left + up) >> 1, paeth(left, up, up_left)][filter_type]
            raw.append((value - predictor) & 0xFF)
        previous = bytes(row)

    def chunk(kind, body):
        return (struct.pack(">I", len(body)) + kind + body +
                struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0)
    return (PNG_SIGNATURE + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(raw))) +
            chunk(b"IEND", b""))


def self_test(directory):
    """The decoder reads back every filter type exactly, and a blank image fails the check."""
    import os
    width, height = 23, 17
    rows = [bytes((x * 11 + y * 7 + channel * 50) & 0xFF for x in range(width)
                  for channel in range(3)) for y in range(height)]
    path = os.path.join(directory, "self-test.png")
    with open(path, "wb") as handle:
        handle.write(encode(width, height, 3, rows, [0, 1, 2, 3, 4]))
    decoded = decode(path)
    if decoded[:3] != (width, height, 3) or [bytes(row) for row in decoded[3]] != rows:
        print("FAIL: self-test: the decoder did not read back the image it was given")
        return 1
    with open(path, "wb") as handle:
        handle.write(encode(width, height, 3, [bytes(width * 3)] * height, [0, 2]))
    if len({bytes(row) for row in decode(path)[3]}) != 1:
        print("FAIL: self-test: a blank image decoded with more than one row value")
        return 1
    print("png_check self-test passed")
    return 0


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--self-test":
        return self_test(sys.argv[2])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("png")
    parser.add_argument("--min-colours", type=int, default=64)
    parser.add_argument("--min-ink", type=float, default=0.01,
                        help="least share of pixels that are neither of the two commonest "
                             "values (page and margin background)")
    arguments = parser.parse_args()

    width, height, pixel_bytes, rows = decode(arguments.png)
    counts = collections.Counter()
    for row in rows:
        counts.update(bytes(row[index:index + pixel_bytes])
                      for index in range(0, len(row), pixel_bytes))
    total = width * height
    backgrounds = sum(count for _, count in counts.most_common(2))
    ink = (total - backgrounds) / total if total else 0.0
    print(f"{arguments.png}: {width}x{height}, {len(counts)} distinct pixel values, "
          f"{ink:.1%} of pixels neither page nor margin background")
    if len(counts) < arguments.min_colours:
        print(f"FAIL: fewer than {arguments.min_colours} distinct pixel values (blank page?)")
        return 1
    if ink < arguments.min_ink:
        print(f"FAIL: less than {arguments.min_ink:.1%} of the pixels hold content")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
