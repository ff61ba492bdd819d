"""Draws the PWA icons (a white house with an open door on the theme blue) into public/.

Run from pwa/: ../.venv/bin/python scripts/make_icons.py
Drawn at 4x and downscaled so edges are smooth; no font needed, so the result is the
same on every machine.
"""

from pathlib import Path

from PIL import Image, ImageDraw

THEME = (26, 95, 180, 255)  # #1a5fb4, keep in step with src/theme.ts
DOOR = (245, 166, 35, 255)  # warm accent: the "doorstep"
WHITE = (255, 255, 255, 255)
SCALE = 4
PUBLIC = Path(__file__).resolve().parent.parent / "public"


def draw_house(draw: ImageDraw.ImageDraw, size: int, content: float) -> None:
    """Draws the house centred, spanning `content` (0..1) of the canvas width."""
    span = size * content
    left = (size - span) / 2
    top = (size - span) / 2

    def pt(x: float, y: float) -> tuple[float, float]:
        return (left + x * span, top + y * span)

    draw.polygon([pt(0.5, 0.08), pt(0.96, 0.48), pt(0.04, 0.48)], fill=WHITE)  # roof
    draw.rectangle([pt(0.16, 0.46), pt(0.84, 0.92)], fill=WHITE)  # walls
    draw.rectangle([pt(0.40, 0.60), pt(0.60, 0.92)], fill=DOOR)  # door
    draw.rectangle([pt(0.30, 0.92), pt(0.70, 0.97)], fill=DOOR)  # doorstep


def icon(size: int, *, maskable: bool) -> Image.Image:
    big = size * SCALE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    if maskable:
        # Full bleed; the house stays inside the 80% safe circle that launchers keep.
        draw.rectangle([0, 0, big, big], fill=THEME)
        draw_house(draw, big, content=0.50)
    else:
        draw.rounded_rectangle([0, 0, big - 1, big - 1], radius=big * 0.22, fill=THEME)
        draw_house(draw, big, content=0.66)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    (PUBLIC / "icons").mkdir(parents=True, exist_ok=True)
    icon(192, maskable=False).save(PUBLIC / "icons" / "icon-192.png", optimize=True)
    icon(512, maskable=False).save(PUBLIC / "icons" / "icon-512.png", optimize=True)
    icon(512, maskable=True).save(PUBLIC / "icons" / "icon-maskable-512.png", optimize=True)
    # iOS ignores transparency and the manifest: give it an opaque full-bleed icon.
    icon(180, maskable=True).convert("RGB").save(PUBLIC / "apple-touch-icon.png", optimize=True)
    icon(64, maskable=False).save(PUBLIC / "favicon.png", optimize=True)


if __name__ == "__main__":
    main()
