// TF.js as the app uses it: the core with every gradient and the chained ops (x.mul(y)), and the
// cpu backend as the last fallback. Not the union package @tensorflow/tfjs, which also bundles
// tfjs-layers, -converter and -data that nothing here uses. Imported by every entry's backend
// start-up (backend.ts in the Worker, nodeBackend.ts in Node).
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
import '@tensorflow/tfjs-backend-cpu';
