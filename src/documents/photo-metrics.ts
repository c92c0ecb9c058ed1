/**
 * Image quality measures computed from raw RGB pixels (already downscaled:
 * the caller decodes with shrink-on-load, so this never sees 12 megapixels).
 * One pass for brightness and colour, one for sharpness.
 */
export interface PhotoMetrics {
  /** Mean luma, 0–255. */
  brightness: number;
  /** Share of pixels with luma ≥ 250 (blown-out highlights). */
  clipped: number;
  /** Hasler & Süsstrunk colourfulness: ~0 for greyscale or black-and-white, 15+ for ordinary colour photos. */
  colourfulness: number;
  /** Variance of the Laplacian of luma: low when there are no sharp edges anywhere (blur, camera shake). */
  sharpness: number;
}

export function measurePhoto(rgb: Uint8Array | Buffer, width: number, height: number, channels = 3): PhotoMetrics {
  const pixels = width * height;
  const luma = new Float32Array(pixels);
  let lumaSum = 0;
  let clipped = 0;
  let rgSum = 0;
  let rgSquares = 0;
  let ybSum = 0;
  let ybSquares = 0;
  for (let i = 0, p = 0; i < pixels; i++, p += channels) {
    const r = rgb[p]!;
    const g = rgb[p + 1]!;
    const b = rgb[p + 2]!;
    const y = 0.299 * r + 0.587 * g + 0.114 * b;
    luma[i] = y;
    lumaSum += y;
    if (y >= 250) clipped++;
    const rg = r - g;
    const yb = 0.5 * (r + g) - b;
    rgSum += rg;
    rgSquares += rg * rg;
    ybSum += yb;
    ybSquares += yb * yb;
  }
  const rgMean = rgSum / pixels;
  const ybMean = ybSum / pixels;
  const rgVariance = Math.max(0, rgSquares / pixels - rgMean * rgMean);
  const ybVariance = Math.max(0, ybSquares / pixels - ybMean * ybMean);
  return {
    brightness: lumaSum / pixels,
    clipped: clipped / pixels,
    colourfulness: Math.sqrt(rgVariance + ybVariance) + 0.3 * Math.sqrt(rgMean * rgMean + ybMean * ybMean),
    sharpness: laplacianVariance(luma, width, height),
  };
}

/** 4-neighbour Laplacian over the interior pixels. */
function laplacianVariance(luma: Float32Array, width: number, height: number): number {
  let sum = 0;
  let squares = 0;
  let count = 0;
  for (let y = 1; y < height - 1; y++) {
    const row = y * width;
    for (let x = 1; x < width - 1; x++) {
      const i = row + x;
      const value = luma[i - width]! + luma[i + width]! + luma[i - 1]! + luma[i + 1]! - 4 * luma[i]!;
      sum += value;
      squares += value * value;
      count++;
    }
  }
  if (count === 0) return 0;
  const mean = sum / count;
  return squares / count - mean * mean;
}
