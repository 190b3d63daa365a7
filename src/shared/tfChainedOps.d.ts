// Types of TF.js's chained ops (x.mul(y), t.toFloat()) for code that imports tfjs-core: the ops
// themselves are registered at run time by src/runtime/tfSetup.ts, which every entry loads when
// it starts a backend (tests load the union package, which registers them too).
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
