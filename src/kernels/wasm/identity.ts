// Identity for the wasm backend without a copy. The stock kernel copies the whole tensor, and the
// engine calls it many times a training step (clones, same-dtype casts, gradient pass-through).
// Tensors never change their data in place, so the output can share the input's heap block: the
// backend counts references per dataId (as Reshape already relies on) and frees the block when
// the last one is disposed.
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/** inputs x (any numeric dtype; strings go to the stock kernel). @returns x's data, shared */
export function identityConfig(stock: KernelConfig): KernelConfig {
  const kernelFunc: KernelFunc = (args) => {
    const { x } = args.inputs as { x: TensorInfo };
    if (x.dtype === 'string') return stock.kernelFunc(args);
    (args.backend as BackendWasm).incRef(x.dataId);
    return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
  };
  return { ...stock, kernelFunc };
}
