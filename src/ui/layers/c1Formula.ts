import type { LayerSpec } from '../../shared/types';

type Conv = Extract<LayerSpec, { kind: 'conv' }>;

/** C1's output side for an input side: (in + 2·pad − k) / stride + 1, unrounded. */
export function c1Out(conv1: Conv, size: number): number {
  return (size + 2 * conv1.pad - conv1.kernel) / conv1.stride + 1;
}

/** "(224 − 11) / 4 + 1 = 54.25": the sum written out, as in the layer table's note and the picture. */
export function c1Formula(conv1: Conv, size: number): string {
  return `(${size}${conv1.pad ? ` + 2·${conv1.pad}` : ''} − ${conv1.kernel}) / ${conv1.stride} + 1 = ${c1Out(conv1, size)}`;
}
