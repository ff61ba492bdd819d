// Preparing a photo on the device: downscale to a long side of at most 2,000 px as JPEG
// (smaller uploads over weak mobile networks) and measure its sharpness.
import { SHARPNESS_LONG_SIDE, laplacianVariance } from './sharpness'

export const MAX_LONG_SIDE = 2000
const JPEG_QUALITY = 0.85

export interface PreparedPhoto {
  blob: Blob
  width: number
  height: number
  sharpness: number
}

function scaled(width: number, height: number, longSide: number): [number, number] {
  const scale = Math.min(1, longSide / Math.max(width, height))
  return [Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale))]
}

function canvasOf(source: CanvasImageSource, width: number, height: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  const context = canvas.getContext('2d')
  if (context === null) throw new Error('canvas 2d unavailable')
  context.imageSmoothingQuality = 'high'
  context.drawImage(source, 0, 0, width, height)
  return canvas
}

function toJpeg(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('JPEG encoding failed'))),
      'image/jpeg',
      JPEG_QUALITY,
    )
  })
}

/** Reads a picked or captured image (EXIF orientation applied by the browser). */
export async function preparePhoto(source: Blob | HTMLVideoElement): Promise<PreparedPhoto> {
  let image: CanvasImageSource
  let width: number
  let height: number
  if (source instanceof Blob) {
    const bitmap = await createImageBitmap(source, { imageOrientation: 'from-image' })
    ;[image, width, height] = [bitmap, bitmap.width, bitmap.height]
  } else {
    ;[image, width, height] = [source, source.videoWidth, source.videoHeight]
  }
  const [w, h] = scaled(width, height, MAX_LONG_SIDE)
  const full = canvasOf(image, w, h)
  const [mw, mh] = scaled(width, height, SHARPNESS_LONG_SIDE)
  const measured = canvasOf(image, mw, mh).getContext('2d')!.getImageData(0, 0, mw, mh)
  const blob = await toJpeg(full)
  if (image instanceof ImageBitmap) image.close()
  return { blob, width: w, height: h, sharpness: laplacianVariance(measured) }
}

/**
 * HEIC/HEIF from iPads: Safari decodes it, most other browsers cannot. The server reads it
 * (and checks its sharpness), so a photo this browser cannot decode is sent as it is.
 */
export function isHeif(file: Blob & { name?: string }): boolean {
  return /^image\/hei[cf](-sequence)?$/i.test(file.type) || /\.hei[cf]$/i.test(file.name ?? '')
}
