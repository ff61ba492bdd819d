"""Glare on a page exposed at white: print fading by degrees towards one spot (no OCR)."""

from __future__ import annotations

import numpy as np

from backend.documents.fade_gradient import fade_gradient
from backend.documents.quality import (
    GLARE_MIN_DIM_CELLS,
    GLARE_MIN_FADED_CELLS,
    GLARE_MIN_GRADIENT,
    HIGHLIGHT_MIN_SHARE,
    QualityMetrics,
    measure,
)
from tests.support.photos import outside, printed_page, with_glare


def test_print_fading_by_degrees_on_a_page_exposed_at_white_is_glare() -> None:
    page, lines = printed_page(paper=255)
    centre, axes = (330, 500), (200, 110)
    glared = with_glare(page, centre, axes, core=1.0)
    metrics = measure(glared, outside(lines, centre, (100, 55)))
    # no light shows above white paper, and too few cells are washed out for the old rule
    assert metrics.highlight_share < HIGHLIGHT_MIN_SHARE
    assert metrics.faded_cells < GLARE_MIN_FADED_CELLS
    assert metrics.dim_cells >= GLARE_MIN_DIM_CELLS
    assert metrics.fade_gradient >= GLARE_MIN_GRADIENT
    assert metrics.glare


def test_labels_printed_lighter_do_not_fade_by_degrees() -> None:
    for label_ink in (140, 160):
        page, lines = printed_page(label_ink=label_ink, paper=255)
        metrics = measure(page, lines)
        assert metrics.dim_cells >= GLARE_MIN_DIM_CELLS  # every label is dim ...
        assert metrics.fade_gradient < GLARE_MIN_GRADIENT  # ... and all alike
        assert not metrics.glare


def grid(rows: int = 10, cols: int = 20) -> tuple[np.ndarray, np.ndarray]:
    """Cell centres two text heights apart, one line a row."""
    ys, xs = np.mgrid[0:rows, 0:cols]
    return (np.stack([xs.ravel() * 2.0, ys.ravel() * 2.0], axis=1).astype(np.float64),
            ys.ravel().astype(np.intp))


def test_a_fade_growing_towards_one_spot_correlates_with_closeness() -> None:
    centres, line_of = grid()
    distance = np.hypot(centres[:, 0] - 20.0, centres[:, 1] - 10.0)
    contrasts = 0.9 * (1.0 - 0.85 * np.exp(-(distance / 6.0) ** 2))
    assert fade_gradient(centres, line_of, contrasts, 0.9) >= GLARE_MIN_GRADIENT


def test_no_washed_out_cell_gives_no_gradient() -> None:
    centres, line_of = grid()
    contrasts = np.full(len(centres), 0.9)
    contrasts[::7] = 0.75  # print a little uneven
    assert fade_gradient(centres, line_of, contrasts, 0.9) == 0.0
    assert fade_gradient(centres[:0], line_of[:0], contrasts[:0], 0.9) == 0.0


def test_a_line_light_over_its_whole_box_is_no_core() -> None:
    centres, line_of = grid()
    distance = np.hypot(centres[:, 0] - 20.0, centres[:, 1] - 10.0)
    contrasts = 0.9 * (1.0 - 0.85 * np.exp(-(distance / 6.0) ** 2))
    line_of = np.arange(len(centres), dtype=np.intp)  # every cell boxed on its own
    assert fade_gradient(centres, line_of, contrasts, 0.9) == 0.0


def test_a_short_line_fading_along_itself_holds_a_core() -> None:
    """Two-cell lines round the spot: none keeps its print, but each fades along itself."""
    centres, _ = grid()
    distance = np.hypot(centres[:, 0] - 21.0, centres[:, 1] - 10.0)
    contrasts = 0.9 * (1.0 - 0.85 * np.exp(-(distance / 6.0) ** 2))
    pairs = np.arange(len(centres), dtype=np.intp) // 2
    assert fade_gradient(centres, pairs, contrasts, 0.9) >= GLARE_MIN_GRADIENT
    alike = contrasts.copy()
    alike[1::2] = alike[::2]  # each pair light alike: labels printed lighter
    assert fade_gradient(centres, pairs, alike, 0.9) < GLARE_MIN_GRADIENT


def test_the_gradient_marks_glare_with_enough_dim_cells_on_a_sharp_photo() -> None:
    def metrics(dim: int, gradient: float, softness: float = 0.5) -> QualityMetrics:
        return QualityMetrics(softness, 0.0, 0.0, 30.0, 20, dim_cells=dim,
                              fade_gradient=gradient)

    assert metrics(GLARE_MIN_DIM_CELLS, GLARE_MIN_GRADIENT).glare
    assert not metrics(GLARE_MIN_DIM_CELLS - 1, 0.95).glare
    assert not metrics(10, GLARE_MIN_GRADIENT - 0.01).glare
    assert not metrics(10, 0.95, softness=0.9).glare  # blurred: every cell loses contrast
