// Blur check on the device, before the photo leaves the home (pure on ImageData).

/** The parts of ImageData we read (ImageData itself, or a test's plain object). */
export interface Pixels {
  width: number
  height: number
  data: Uint8ClampedArray
}

// The thresholds are the server's file (one source: the server computes the same figure on
// the photos it receives, backend/documents/sharpness.py, and reads the same values).
import thresholds from '../../../../backend/documents/quality_thresholds.json'

/** Long side the photo is scaled to before measuring: the threshold below belongs to it. */
export const SHARPNESS_LONG_SIDE: number = thresholds.device_blur.long_side_px

/**
 * Below this variance a photo is "blurred". Measured on tests/fixtures/documents at a
 * 1200 px long side: the five blurred fixtures score 10–78, sharp documents 130–2,000+; three
 * small ID-card photos (glare, rotated, phone photo) score 30–64 and are asked to be retaken
 * too — a second shot costs seconds, a blurred one a second home visit.
 */
export const BLUR_THRESHOLD: number = thresholds.device_blur.laplacian_variance_below

/** Variance of the 4-neighbour Laplacian of the luma (Rec. 601 weights). */
export function laplacianVariance(image: Pixels): number {
  const { width, height, data } = image
  if (width < 3 || height < 3) return 0
  const gray = new Float32Array(width * height)
  for (let i = 0; i < gray.length; i += 1) {
    gray[i] = 0.299 * data[i * 4]! + 0.587 * data[i * 4 + 1]! + 0.114 * data[i * 4 + 2]!
  }
  let sum = 0
  let sumSquares = 0
  let count = 0
  for (let y = 1; y < height - 1; y += 1) {
    for (let x = 1; x < width - 1; x += 1) {
      const i = y * width + x
      const lap = gray[i - 1]! + gray[i + 1]! + gray[i - width]! + gray[i + width]! - 4 * gray[i]!
      sum += lap
      sumSquares += lap * lap
      count += 1
    }
  }
  const mean = sum / count
  return sumSquares / count - mean * mean
}

export function isBlurry(image: Pixels, threshold = BLUR_THRESHOLD): boolean {
  return laplacianVariance(image) < threshold
}
