"""The course's colours, one place for all of them (every notebook, 01-07).

Lines and fills use the Okabe-Ito palette, which colour-blind readers can tell apart.
Text in a colour uses a darker variant of the same hue, so it reads at 4.5:1 or more
on white (WCAG 2.1 AA); `contrast_ratio` computes that, and the tests check every
constant here whose name ends in _TEXT, as well as INK and GREY.
"""

# Okabe-Ito, for lines, markers and fills (graphics need 3:1; every line also has a label)
LONG_TERM_GREEN = "#009E73"
SHORT_TERM_PINK = "#CC79A7"
BLUE = "#0072B2"
ORANGE = "#E69F00"
VERMILLION = "#D55E00"
SKY_BLUE = "#56B4E9"
BLACK = "#000000"
GREY = "#666666"  # also used for text: 5.7:1 on white

INK = "#222222"  # ordinary text

# The same hues, darkened until text in them reaches 4.5:1 on white
GREEN_TEXT = "#007A5A"
PINK_TEXT = "#A2447F"
BLUE_TEXT = "#0072B2"
VERMILLION_TEXT = "#B34700"
ORANGE_TEXT = "#8F5F00"
SKY_BLUE_TEXT = "#1A6A99"
MUTED_TEXT = "#595959"


def _channel(value):
    value /= 255
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def relative_luminance(colour):
    """WCAG 2.1 relative luminance of a "#RRGGBB" colour."""
    if not (isinstance(colour, str) and len(colour) == 7 and colour.startswith("#")):
        raise ValueError(f"colour must be a '#RRGGBB' string, got {colour!r}")
    red, green, blue = (_channel(int(colour[k:k + 2], 16)) for k in (1, 3, 5))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(foreground, background="#FFFFFF"):
    """WCAG 2.1 contrast ratio of two "#RRGGBB" colours (1 to 21); text needs 4.5."""
    lighter, darker = sorted((relative_luminance(foreground), relative_luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def text_colours():
    """{name: colour} of every colour the course writes text in."""
    return {name: value for name, value in globals().items()
            if name.endswith("_TEXT") or name in ("INK", "GREY", "BLACK")}
