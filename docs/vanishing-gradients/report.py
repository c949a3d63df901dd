#!/usr/bin/python3
"""Turns results.json (written by VanishingGradientsExperimentTest with -Dexperiment.write=docs/vanishing-gradients)
into the table of docs/vanishing-gradients.md and one loss-curve PNG per model, with nothing but the
standard library:

    ./mvnw -B test -Dtest=VanishingGradientsExperimentTest -Dexperiment.write=docs/vanishing-gradients
    python3 docs/vanishing-gradients/report.py

Each PNG plots the training loss (blue) and the validation loss (orange) per epoch; the x axis runs
from epoch 1 to the last, the y axis from 0 to 2.5 with a tick every 0.5.
"""
import json
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
WIDTH, HEIGHT, MARGIN = 480, 300, 30
Y_MAX = 2.5
BLUE, ORANGE, GREY, BLACK = (31, 119, 180), (255, 127, 14), (200, 200, 200), (0, 0, 0)


def png(path, pixels):
    raw = b"".join(b"\x00" + bytes(v for p in row for v in p) for row in pixels)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    with open(path, "wb") as out:
        out.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", WIDTH, HEIGHT, 8, 2, 0, 0, 0))
                  + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def line(pixels, x0, y0, x1, y1, color, thickness=2):
    steps = int(max(abs(x1 - x0), abs(y1 - y0))) + 1
    for i in range(steps + 1):
        x = x0 + (x1 - x0) * i / steps
        y = y0 + (y1 - y0) * i / steps
        for dx in range(thickness):
            for dy in range(thickness):
                px, py = int(round(x)) + dx, int(round(y)) + dy
                if 0 <= px < WIDTH and 0 <= py < HEIGHT:
                    pixels[py][px] = color


def plot(path, history):
    epochs = sorted(int(e) for e in history)
    pixels = [[(255, 255, 255)] * WIDTH for _ in range(HEIGHT)]

    def x_of(epoch):
        return MARGIN + (epoch - epochs[0]) * (WIDTH - 2 * MARGIN) / max(1, epochs[-1] - epochs[0])

    def y_of(value):
        return HEIGHT - MARGIN - min(value, Y_MAX) * (HEIGHT - 2 * MARGIN) / Y_MAX

    for tick in range(int(Y_MAX / 0.5) + 1):
        line(pixels, MARGIN, y_of(tick * 0.5), WIDTH - MARGIN, y_of(tick * 0.5), GREY, 1)
    for epoch in epochs:
        line(pixels, x_of(epoch), HEIGHT - MARGIN, x_of(epoch), HEIGHT - MARGIN + 5, BLACK, 1)
    line(pixels, MARGIN, MARGIN, MARGIN, HEIGHT - MARGIN, BLACK, 1)
    line(pixels, MARGIN, HEIGHT - MARGIN, WIDTH - MARGIN, HEIGHT - MARGIN, BLACK, 1)
    for series, color in ((0, BLUE), (1, ORANGE)):
        for a, b in zip(epochs, epochs[1:]):
            line(pixels, x_of(a), y_of(history[str(a)][series]), x_of(b), y_of(history[str(b)][series]), color)
    png(path, pixels)


def main():
    with open(os.path.join(HERE, "results.json")) as f:
        results = json.load(f)
    epochs = max(int(e) for e in results["sigmoid"]["gradientNorms"])
    rows = []
    for name, result in results.items():
        if name == "options":
            continue
        plot(os.path.join(HERE, name + ".png"), result["history"])
        findings = ", ".join(f["kind"] for f in result["diagnosis"]["findings"]) or "none"
        for epoch in ("1", str(epochs)):
            norms = " ".join("%.1e" % v for v, kind in zip(result["gradientNorms"][epoch], result["kinds"])
                             if kind == "dense")
            rows.append("| %s | %s | %s | %s |" % (name, epoch, norms,
                        "%.3f (diagnosis: %s)" % (result["valAccuracy"], findings) if epoch != "1" else ""))
    print("| model | epoch | ‖∂L/∂W‖ of each dense layer, first to last | validation accuracy after %d epochs |"
          % epochs)
    print("|---|---|---|---|")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
