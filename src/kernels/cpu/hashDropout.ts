// HashDropout (src/model/dropout.ts) for the cpu backend, as the reference loop: registered beside
// the webgpu kernel so that a network trained on webgpu and on cpu draws the same masks (the
// webgpu tests compare whole-network gradients against cpu).
import type { KernelBackend, KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { HASH_DROPOUT, hashDropoutReference, type HashDropoutAttrs } from '../../shared/customOps';
import { declareOwnKernel } from '../../shared/ownKernels';

/** The cpu backend's way to make a tensor from values (not on the KernelBackend type). */
type CpuBackend = KernelBackend & {
  makeTensorInfo(shape: number[], dtype: 'float32', values: Float32Array): TensorInfo;
};

/** inputs x (float32, any shape); attrs HashDropoutAttrs. @returns x's shape */
const hashDropout: KernelFunc = ({ inputs, backend, attrs }) => {
  const { x } = inputs as { x: TensorInfo };
  const cpu = backend as CpuBackend;
  const values = cpu.readSync(x.dataId) as Float32Array;
  return cpu.makeTensorInfo(
    x.shape,
    'float32',
    hashDropoutReference(values, attrs as unknown as HashDropoutAttrs),
  );
};

export const hashDropoutCpuConfig: KernelConfig = {
  kernelName: HASH_DROPOUT,
  backendName: 'cpu',
  kernelFunc: hashDropout,
};

// Ours: the op's caller uses this kernel while it is the registered one (shared/ownKernels.ts).
declareOwnKernel(hashDropout);
