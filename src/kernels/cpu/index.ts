// Our kernels for the cpu backend: only HashDropout's reference, so that a network trained on
// webgpu and on cpu draws the same dropout masks. Registered with the webgpu list (webgpu/index.ts),
// whose gradient checks compare against cpu, and the cpu fallback behaves the same.
import { hashDropoutCpuConfig } from './hashDropout';

export const CPU_KERNELS = [hashDropoutCpuConfig];
