// The one way the model and the optimiser ask "is the kernel registered for this op ours?":
// kernel modules (src/kernels) declare their kernel functions here, and callers look up the
// kernel registered at each call, so switching to the stock set brings the op-based path back.
// No TF.js import: kernel functions are compared as objects.
const own = new WeakSet<object>();

export function declareOwnKernel(kernelFunc: object): void {
  own.add(kernelFunc);
}

/** `kernelFunc`: the function registered for the op on the current backend, if any. */
export function isOwnKernel(kernelFunc: object | undefined): boolean {
  return kernelFunc !== undefined && own.has(kernelFunc);
}
