"""PP-OCR models (detection, 0/180 line classifier, recognition) run through RapidOCR.

Only the models shipped inside the ``rapidocr`` wheel are used, so this works offline.
The page is turned upright here: the detector's boxes tell a sideways page (most boxes
taller than wide), and the line classifier's votes tell an upside-down one.
"""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np

from backend.documents.ocr.base import Image, OcrLine, OcrPage, Point

_PARAMS: dict[str, Any] = {
    "Global.log_level": "warning",
    # One thread per process: two worker processes then use both cores without contention.
    "EngineConfig.onnxruntime.intra_op_num_threads": 1,
    "EngineConfig.onnxruntime.inter_op_num_threads": 1,
    # Detection on a page scaled to at most 800 px: much faster than full size (1240x1754),
    # same fields on the sample set; 960 px cost 0.30 s CPU a page, 800 px 0.20 s.
    "Det.limit_type": "max",
    "Det.limit_side_len": 800,
    # Batches pad every line to the widest one; single lines were fastest when measured.
    "Rec.rec_batch_num": 1,
    # The recogniser pads every line to at least this width; the shipped 320 px doubles the
    # work on short cells (table pages: 6.1 s → 3.2 s CPU, identical text when measured).
    "Rec.rec_img_shape": [3, 48, 96],
}
_MIN_SCORE = 0.5
_CLS_SAMPLE = 24  # lines voted on for the upside-down decision
_FLIP_SAMPLE = 12  # lines read turned over when a page reads badly
_MIN_VOTES = 3
_UNSURE_MEDIAN = 0.85  # sharp upright sample pages have median line scores ≥ 0.97
_Reading = tuple[str, float, tuple[float, ...]]  # text, line score, per-character scores


class RapidOcrEngine:
    name = "rapidocr"
    unsure_below = 0.9  # sharp sample pages: ≤ 10 % of lines below; blurred: ≥ 83 %

    def __init__(self) -> None:
        from rapidocr import RapidOCR  # heavy import, only in processes that OCR

        self._ocr = RapidOCR(params=_PARAMS)
        # The wheel's pipeline object lazily builds its three models; we drive them one by
        # one so orientation can be decided between detection and recognition.
        self._det = self._ocr._load_det_model()  # type: ignore[no-untyped-call]
        self._cls = self._ocr._load_cls_model()  # type: ignore[no-untyped-call]
        self._rec = self._ocr._load_rec_model()  # type: ignore[no-untyped-call]

    def read_page(self, image: Image) -> OcrPage:
        boxes = self._detect(image)
        rotated = 0
        if _mostly_vertical(boxes):
            image = np.asarray(cv2.rotate(image, cv2.ROTATE_90_COUNTERCLOCKWISE), np.uint8)
            rotated = 90
            boxes = self._detect(image)
        crops = [_crop(image, b) for b in boxes]
        if self._upside_down(crops, boxes):
            image = np.asarray(cv2.rotate(image, cv2.ROTATE_180), np.uint8)
            rotated = (rotated + 180) % 360
            boxes = self._detect(image)
            crops = [_crop(image, b) for b in boxes]
        readings = self._recognise(crops)
        if _unsure(readings):
            # Few or split votes can leave a page upside down; its lines then read badly.
            # Read its longest lines turned over, and turn the page if they read clearly
            # better. (A sample: on a blurred page, the usual cause, all lines would be read
            # twice for nothing.)
            sample = _longest(boxes, _FLIP_SAMPLE)
            flipped = self._recognise([np.ascontiguousarray(crops[i][::-1, ::-1]) for i in sample])
            better = _median_score(flipped)
            if better >= _UNSURE_MEDIAN and better > _median_score(
                [readings[i] for i in sample]
            ) + 0.1:
                image = np.asarray(cv2.rotate(image, cv2.ROTATE_180), np.uint8)
                rotated = (rotated + 180) % 360
                boxes = self._detect(image)
                readings = self._recognise([_crop(image, b) for b in boxes])
        lines = [
            OcrLine(text, _quad(box), score, chars)
            for box, (text, score, chars) in zip(boxes, readings, strict=True)
            if text.strip() and score >= _MIN_SCORE
        ]
        h, w = image.shape[:2]
        return OcrPage(lines, w, h, rotated, self.name, image)

    def read_crop(self, image: Image) -> tuple[str, float]:
        (text, score, _), = self._recognise([image])
        return text, score

    def _detect(self, image: Image) -> list[np.ndarray]:
        result = self._det(image)
        if result.boxes is None:
            return []
        boxes = [np.asarray(b, dtype=np.float32) for b in result.boxes]
        return sorted(boxes, key=lambda b: (float(b[:, 1].min()), float(b[:, 0].min())))

    def _upside_down(self, crops: list[Image], boxes: list[np.ndarray]) -> bool:
        if not crops:
            return False
        longest = _longest(boxes, _CLS_SAMPLE)
        votes = self._cls([crops[i] for i in longest]).cls_res or []
        flipped = sum(1 for label, score in votes if label == "180" and score > 0.8)
        upright = sum(1 for label, score in votes if label == "0" and score > 0.8)
        # A handful of votes (e.g. a blurred photo) is too little to turn a page over.
        return flipped >= _MIN_VOTES and flipped > upright

    def _recognise(self, crops: list[Image]) -> list[_Reading]:
        """(text, score, each character's probability) per crop."""
        if not crops:
            return []
        from rapidocr.ch_ppocr_rec import TextRecInput

        result = self._rec(TextRecInput(img=crops, return_word_box=True))
        out = []
        for text, score, words in zip(result.txts or (), result.scores or (),
                                      result.word_results or (), strict=True):
            confs = tuple(float(c) for c in (getattr(words, "confs", None) or ()))
            # an empty reading comes with one score of 0 for no character
            out.append((text, float(score), confs if len(confs) == len(text) else ()))
        return out


def _longest(boxes: list[np.ndarray], count: int) -> list[int]:
    return sorted(range(len(boxes)), key=lambda i: -_width(boxes[i]))[:count]


def _median_score(readings: list[_Reading]) -> float:
    scores = sorted(r[1] for r in readings)
    return scores[len(scores) // 2] if scores else 0.0


def _unsure(readings: list[_Reading]) -> bool:
    return len(readings) >= _MIN_VOTES and _median_score(readings) < _UNSURE_MEDIAN


def _width(box: np.ndarray) -> float:
    return float(np.linalg.norm(box[1] - box[0]))


def _mostly_vertical(boxes: list[np.ndarray]) -> bool:
    """A sideways page: clearly elongated boxes mostly stand upright."""
    tall = wide = 0
    for b in boxes:
        w, h = _width(b), float(np.linalg.norm(b[3] - b[0]))
        if h > 2 * w:
            tall += 1
        elif w > 2 * h:
            wide += 1
    return tall > wide


def _crop(image: Image, box: np.ndarray) -> Image:
    w = max(1, int(max(np.linalg.norm(box[0] - box[1]), np.linalg.norm(box[2] - box[3]))))
    h = max(1, int(max(np.linalg.norm(box[0] - box[3]), np.linalg.norm(box[1] - box[2]))))
    target = np.array([[0, 0], [w, 0], [w, h], [0, h]], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(box.astype(np.float32), target)
    crop = cv2.warpPerspective(
        image, matrix, (w, h), borderMode=cv2.BORDER_REPLICATE, flags=cv2.INTER_CUBIC
    )
    return np.asarray(crop, dtype=np.uint8)


def _quad(box: np.ndarray) -> tuple[Point, Point, Point, Point]:
    p = [(float(x), float(y)) for x, y in box[:4]]
    return (p[0], p[1], p[2], p[3])
