"""Print fading by degrees towards one spot: a highlight on a page exposed at white (pure).

A page photographed with its paper already at white cannot show a highlight as light
(``highlight.py`` gives no verdict there): only as print washed towards the paper, most at
the highlight's core and less and less round it. ``quality.text_fade`` counts cells washed
out past 40 % of the page's strong print; a highlight whose core fell where OCR boxed little
leaves fewer than four of them, but round them the print fades by degrees: a statement's
column lighter row after row, a label column lighter towards one corner. Print lighter by
design (an ID card's labels, a seal's text, read in the red channel) is as light all over,
its neighbours either as light or fully dark: it does not grade with the distance, and a
label boxed on its own is light alike over its whole box, where a highlight's rim washes
out part of a line or fades along it.

A cell's deficit is how far its contrast (as a share of the page's strong print) lies under
the page's median cell. Round every cell with a deficit over ``core_deficit`` (a washed-out
core) whose line keeps some print (a deficit under ``graded_deficit``) or fades along
itself (its deficits spanning ``graded_deficit`` or more), over the cells within
``reach_scales`` Gaussian widths of ``scale_text_heights`` text heights, the deficit is
correlated with the closeness to it (that Gaussian); the page's gradient is the strongest
such correlation.

Measured on 328 cached photos (the sample photos, planted 9401/10001, harder 9202-11202;
245 without glare): where three or more cells lay under 55 % of the strong print, pages
without glare reached 0.49 at most (sample ID cards' labels), while 10 of the 23 glare
photos the other rules missed reached 0.61-0.86 (a sample licence's caption fading along
its line among them); no page without glare was marked. On 192 photos not looked at while
choosing the values (harder 42/44/9702/10402, planted 9701/10401) it found 2 of the 5
glare photos missed, no false alarm (a shaken page with two lines read reached 0.91 there:
blur lowers every cell's contrast, so a blurred photo's cells do not tell glare).
"""

from __future__ import annotations

import numpy as np

from backend.documents.thresholds import FADE_GRADIENT, GLARE

CORE_DEFICIT = float(FADE_GRADIENT["core_deficit"])
GRADED_DEFICIT = float(FADE_GRADIENT["graded_deficit"])
SCALE = float(FADE_GRADIENT["scale_text_heights"])
REACH = float(FADE_GRADIENT["reach_scales"]) * SCALE
MIN_NEIGHBOURS = int(FADE_GRADIENT["min_neighbours"])
MIN_GRADED = int(FADE_GRADIENT["min_graded"])
BLANK_CONTRAST = float(GLARE["blank_contrast"])


def fade_gradient(centres: np.ndarray, line_of: np.ndarray, contrasts: np.ndarray,
                  strong: float) -> float:
    """The strongest correlation, round a washed-out cell, of the cells' deficit with their
    closeness to it (0 when no cell is washed out). ``centres`` are the cells' (x, y) in
    text heights, ``line_of`` the index of each cell's line, ``contrasts`` their contrasts
    and ``strong`` the page's strong print."""
    if len(contrasts) == 0 or strong <= 0:
        return 0.0
    share = contrasts / strong
    deficit = np.clip(float(np.median(share)) - share, 0.0, None) * (contrasts > BLANK_CONTRAST)
    lines = int(line_of.max()) + 1
    least_lost = np.full(lines, np.inf)  # per line, the deficit of its best-kept cell
    np.minimum.at(least_lost, line_of, deficit)
    most_lost = np.zeros(lines)
    np.maximum.at(most_lost, line_of, deficit)
    # a line light all alike (a label printed lighter, boxed on its own) holds no core; one
    # keeping some print, or fading along itself, does
    graded_line = (least_lost < GRADED_DEFICIT) | (most_lost - least_lost >= GRADED_DEFICIT)
    cores = np.nonzero((deficit > CORE_DEFICIT) & graded_line[line_of])[0]
    if len(cores) == 0:
        return 0.0
    offsets = centres[cores][:, None, :] - centres[None, :, :]
    squared = np.asarray((offsets ** 2).sum(axis=-1))
    closeness = np.exp(-squared / (2 * SCALE * SCALE))
    best = 0.0
    for row in range(len(cores)):
        near = squared[row] < REACH * REACH
        near_deficit = deficit[near]
        if near.sum() < MIN_NEIGHBOURS or (near_deficit > GRADED_DEFICIT).sum() < MIN_GRADED:
            continue
        if near_deficit.std() == 0:
            continue
        best = max(best, float(np.corrcoef(closeness[row, near], near_deficit)[0, 1]))
    return best
