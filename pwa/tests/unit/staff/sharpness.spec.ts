// @vitest-environment node
import { describe, expect, it } from 'vitest'

import {
  BLUR_THRESHOLD,
  isBlurry,
  laplacianVariance,
  type Pixels,
} from '@/features/staff/sharpness'

function image(width: number, height: number, gray: (x: number, y: number) => number): Pixels {
  const data = new Uint8ClampedArray(width * height * 4)
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const i = (y * width + x) * 4
      data[i] = data[i + 1] = data[i + 2] = gray(x, y)
      data[i + 3] = 255
    }
  }
  return { width, height, data }
}

/** Black text-like strokes on white: hard edges every few pixels. */
const sharpText = image(120, 80, (x, y) => (x % 16 < 2 || y % 20 < 2 ? 0 : 255))

/** The same picture after a wide box blur: the edges become ramps. */
function boxBlur(source: Pixels, radius: number): Pixels {
  const { width, height, data } = source
  return image(width, height, (x, y) => {
    let sum = 0
    let count = 0
    for (let dy = -radius; dy <= radius; dy += 1) {
      for (let dx = -radius; dx <= radius; dx += 1) {
        const xx = Math.min(width - 1, Math.max(0, x + dx))
        const yy = Math.min(height - 1, Math.max(0, y + dy))
        sum += data[(yy * width + xx) * 4]!
        count += 1
      }
    }
    return sum / count
  })
}

describe('sharpness (variance of the Laplacian)', () => {
  it('is zero for a flat or linearly shaded picture', () => {
    expect(laplacianVariance(image(20, 20, () => 128))).toBe(0)
    expect(laplacianVariance(image(20, 20, (x) => x * 10))).toBeCloseTo(0, 6)
  })

  it('finds sharp strokes sharp and the blurred copy blurry', () => {
    // Three box passes approximate a Gaussian: the defocus of a hand-held photo.
    const blurred = boxBlur(boxBlur(boxBlur(sharpText, 3), 3), 3)
    expect(laplacianVariance(sharpText)).toBeGreaterThan(10 * laplacianVariance(blurred))
    expect(isBlurry(sharpText)).toBe(false)
    expect(isBlurry(blurred)).toBe(true)
  })

  it('weighs colour as luma', () => {
    const red = image(10, 10, () => 0)
    for (let i = 0; i < red.data.length; i += 8) red.data[i] = 255 // every other pixel red
    const variance = laplacianVariance(red)
    expect(variance).toBeGreaterThan(BLUR_THRESHOLD)
  })

  it('treats a picture too small to measure as blurred', () => {
    expect(isBlurry(image(2, 2, () => 0))).toBe(true)
  })
})

describe('the device and the server measure sharpness alike', () => {
  it('reads its thresholds from the server’s file and matches its reference figure', async () => {
    const file = await import('../../../../backend/documents/quality_thresholds.json')
    const ref = file.device_blur.reference
    expect(BLUR_THRESHOLD).toBe(file.device_blur.laplacian_variance_below)
    const reference = image(
      ref.width,
      ref.height,
      (x, y) => ((x * 37 + y * 91) % 256) ^ (((x * y) % 7) * 16),
    )
    expect(laplacianVariance(reference)).toBeCloseTo(ref.laplacian_variance, 2)
  })
})
