// The version of our webgpu kernels that a cached self-test result belongs to (runtime/selfTest.ts):
// a new version re-runs the self-test on every GPU. `sourceHash` is checked by
// kernels/kernelsVersion.test.ts against this folder's sources, so a kernel cannot change
// without bumping `version` and recording the new hash.
export const WEBGPU_KERNELS = { version: 3, sourceHash: '41cedb91c72ab208' } as const;
