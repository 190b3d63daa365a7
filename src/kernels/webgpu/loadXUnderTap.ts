// The implicit-im2col gather shared by the forward convolution (conv2d.ts: A[m, k], m the output
// pixel) and the weight gradient (conv2dBackpropFilter.ts: A[m, k], k the output pixel): the
// input value x[n, iy, ix, ci] [batch, H, W, Ci] that filter tap (i, j), channel ci, sees from
// output pixel (n, oy, ox), or 0 in the padding. Sizes are baked in as constants (see
// tiledGemm.ts: the compiler strength-reduces the divisions).

/** Convolution geometry, as in tfjs's Conv2DInfo (pads: top and left). */
export interface ConvGeometry {
  H: number;
  W: number;
  CI: number;
  OH: number;
  OW: number;
  KW: number;
  SH: number;
  SW: number;
  PT: number;
  PL: number;
}

/**
 * WGSL `fn loadA(m, k) -> f32` (or `loadA4 -> vec4<f32>`: channels ci..ci+3, for Ci % 4 = 0)
 * reading tensor `xIn`. `pixel` names the GEMM index that runs over output pixels
 * ((n·OH + oy)·OW + ox); the other one runs over (i·KW + j)·Ci + ci.
 */
export function loadXUnderTapWgsl(g: ConvGeometry, pixel: 'm' | 'k', vec4: boolean): string {
  const tapIndex = pixel === 'm' ? 'k' : 'm';
  return `
      fn loadA${vec4 ? '4' : ''}(m : i32, k : i32) -> ${vec4 ? 'vec4<f32>' : 'f32'} {
        let ci = ${tapIndex} % ${g.CI};
        let tap = ${tapIndex} / ${g.CI};
        let ox = ${pixel} % ${g.OW};
        let nOy = ${pixel} / ${g.OW};
        let iy = (nOy % ${g.OH}) * ${g.SH} + tap / ${g.KW} - ${g.PT};
        let ix = ox * ${g.SW} + tap % ${g.KW} - ${g.PL};
        if (iy < 0 || iy >= ${g.H} || ix < 0 || ix >= ${g.W}) {
          return ${vec4 ? 'vec4<f32>(0.0)' : '0.0'};
        }
        let i = (((nOy / ${g.OH}) * ${g.H} + iy) * ${g.W} + ix) * ${g.CI} + ci;
        return xIn[${vec4 ? 'i / 4' : 'i'}];
      }`;
}
