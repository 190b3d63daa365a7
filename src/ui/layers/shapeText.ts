/** "55 × 55 × 96"; a fractional size (the paper's 224 input) keeps two decimals: "54.25". */
export function shapeText(shape: number[]): string {
  return shape.map((d) => (Number.isInteger(d) ? String(d) : d.toFixed(2))).join(' × ');
}
