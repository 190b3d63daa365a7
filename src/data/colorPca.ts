// The paper's colour augmentation (section 4.1) needs the principal components of RGB values
// over the training set: a 3×3 covariance and its eigen-decomposition, computed once per run.

import type { ImageSet } from '../shared/dataset';
import { IMAGE_BYTES } from '../shared/types';

export interface ColorPca {
  /** Eigenvalues λᵢ, descending, of the RGB covariance (pixel values scaled 0…1). */
  values: [number, number, number];
  /** vectors[i] is the unit eigenvector pᵢ for values[i], as [r, g, b]. */
  vectors: [number, number, number][];
}

/** Eigen-decomposition of a symmetric 3×3 matrix by cyclic Jacobi rotations (exact to ~1e-12). */
export function symmetricEigen3(m: number[][]): ColorPca {
  const a = m.map((row) => [...row]);
  const v = [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ];
  for (let sweep = 0; sweep < 50; sweep++) {
    const off = a[0][1] ** 2 + a[0][2] ** 2 + a[1][2] ** 2;
    if (off < 1e-30) break;
    for (const [p, q] of [
      [0, 1],
      [0, 2],
      [1, 2],
    ]) {
      if (Math.abs(a[p][q]) < 1e-300) continue;
      // Rotation angle that zeroes a[p][q].
      const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
      const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
      const c = 1 / Math.sqrt(t * t + 1);
      const s = t * c;
      for (let k = 0; k < 3; k++) {
        const akp = a[k][p];
        const akq = a[k][q];
        a[k][p] = c * akp - s * akq;
        a[k][q] = s * akp + c * akq;
      }
      for (let k = 0; k < 3; k++) {
        const apk = a[p][k];
        const aqk = a[q][k];
        a[p][k] = c * apk - s * aqk;
        a[q][k] = s * apk + c * aqk;
      }
      for (let k = 0; k < 3; k++) {
        const vkp = v[k][p];
        const vkq = v[k][q];
        v[k][p] = c * vkp - s * vkq;
        v[k][q] = s * vkp + c * vkq;
      }
    }
  }
  const order = [0, 1, 2].sort((i, j) => a[j][j] - a[i][i]);
  return {
    values: order.map((i) => a[i][i]) as [number, number, number],
    vectors: order.map((i) => [v[0][i], v[1][i], v[2][i]]) as [number, number, number][],
  };
}

/** RGB covariance of (up to `maxImages` of) the images at `indices`, and its eigen-decomposition. */
export function colorPca(set: ImageSet, indices: ArrayLike<number>, maxImages = 5000): ColorPca {
  const n = Math.min(indices.length, maxImages);
  const step = indices.length / Math.max(1, n);
  const sum = [0, 0, 0];
  const prod = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  let count = 0;
  for (let k = 0; k < n; k++) {
    const base = indices[Math.floor(k * step)] * IMAGE_BYTES;
    for (let p = 0; p < IMAGE_BYTES; p += 3) {
      const px = [set.images[base + p] / 255, set.images[base + p + 1] / 255, set.images[base + p + 2] / 255];
      for (let i = 0; i < 3; i++) {
        sum[i] += px[i];
        for (let j = i; j < 3; j++) prod[i][j] += px[i] * px[j];
      }
      count++;
    }
  }
  const mean = sum.map((s) => s / Math.max(1, count));
  const cov = [0, 1, 2].map((i) =>
    [0, 1, 2].map((j) => prod[Math.min(i, j)][Math.max(i, j)] / Math.max(1, count) - mean[i] * mean[j]),
  );
  return symmetricEigen3(cov);
}
