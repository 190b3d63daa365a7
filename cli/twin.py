#!/usr/bin/python3
"""PyTorch twin of the app's training step (issue #16): reads a case written by cli/twin.ts — the
app's layer spec, its initial weights, the batches in order and the optimiser — builds the same
network in PyTorch, trains it with the app's SGD form and prints every step's loss as JSON.

    /usr/bin/python3 cli/twin.py CASE_DIR [--lrn-alpha-as-torch] [--float32]

Each place where TF.js and PyTorch differ is handled by hand, never by a library default:
  - layout: the app is NHWC with kernels [k, k, cIn/groups, cOut]; torch is NCHW with weights
    [cOut, cIn/groups, k, k]. Flatten happens in the app's NHWC order (h, w, c).
  - resize: tf.image.resizeBilinear without alignCorners or halfPixelCenters samples source
    position dst · in/out (no half-pixel shift), unlike torch's interpolate; done as two matrices.
  - LRN: tf's alpha multiplies the plain window sum; torch's local_response_norm divides alpha by
    the window size, so it gets alpha · n (--lrn-alpha-as-torch passes alpha unchanged: the wrong
    convention, which the test must catch).
  - max-pool: 'valid' floors (torch's default ceil_mode=False does too).
  - SGD: the paper's v <- mu v - lambda eps w - eps g; w <- w + v on every variable, biases too
    (torch.optim.SGD keeps eps outside its velocity, which differs once eps changes: not used).
"""
import json
import sys
from pathlib import Path

import torch
import torch.nn.functional as F


def resize_matrix(out_size: int, in_size: int, dtype) -> torch.Tensor:
    """[out, in] weights of TF's legacy bilinear resize along one axis."""
    m = torch.zeros(out_size, in_size, dtype=torch.float64)
    scale = in_size / out_size
    for o in range(out_size):
        src = o * scale
        i0 = min(int(src), in_size - 1)
        i1 = min(i0 + 1, in_size - 1)
        frac = src - i0
        m[o, i0] += 1 - frac
        m[o, i1] += frac
    return m.to(dtype)


def forward(layers, params, x, lrn_alpha_as_torch: bool):
    """x: [N, C, H, W]; returns logits [N, classes]."""
    h = x
    for layer in layers:
        kind = layer["kind"]
        if kind == "input":
            continue
        if kind == "resize":
            rh = resize_matrix(layer["height"], h.shape[2], h.dtype)
            rw = resize_matrix(layer["width"], h.shape[3], h.dtype)
            h = torch.einsum("oh,nchw,pw->ncop", rh, h, rw)
        elif kind == "conv":
            w, b = params[layer["name"]]
            # [k, k, cIn/g, cOut] -> [cOut, cIn/g, k, k]
            h = F.conv2d(
                h,
                w.permute(3, 2, 0, 1),
                b,
                stride=layer["stride"],
                padding=layer["pad"],
                groups=layer["groups"],
            )
        elif kind == "activation":
            h = {"relu": torch.relu, "tanh": torch.tanh, "sigmoid": torch.sigmoid}[layer["fn"]](h)
        elif kind == "lrn":
            n = layer["n"]
            alpha = layer["alpha"] if lrn_alpha_as_torch else layer["alpha"] * n
            h = F.local_response_norm(h, size=n, alpha=alpha, beta=layer["beta"], k=layer["k"])
        elif kind == "maxpool":
            h = F.max_pool2d(h, kernel_size=layer["size"], stride=layer["stride"])
        elif kind == "flatten":
            h = h.permute(0, 2, 3, 1).reshape(h.shape[0], -1)
        elif kind == "dense":
            w, b = params[layer["name"]]
            h = h @ w + b
        elif kind == "dropout":
            raise SystemExit("twin: dropout must be off (its masks are not exported)")
        else:
            raise SystemExit(f"twin: unknown layer kind {kind}")
    return h


def load_params(case, case_dir: Path, dtype):
    """The app's weights (weights.bin, model.variables order) as {layer: [kernel, bias]} and a list."""
    raw = (case_dir / "weights.bin").read_bytes()
    flat = torch.frombuffer(bytearray(raw), dtype=torch.float32).to(dtype)
    params, variables = {}, []
    for v in case["variables"]:
        t = flat[v["offset"] : v["offset"] + v["length"]].reshape(v["shape"]).clone().requires_grad_(True)
        params.setdefault(v["layer"], [None, None])[0 if v["role"] == "kernel" else 1] = t
        variables.append(t)
    return params, variables


def sgd_step(variables, velocity, grads, lr, mu, wd) -> None:
    """The app's SGD (src/train/sgd.ts): v <- mu v - wd lr w - lr g; w <- w + v, on every variable."""
    with torch.no_grad():
        for w, v, g in zip(variables, velocity, grads):
            v.mul_(mu).sub_(w, alpha=wd * lr).sub_(g, alpha=lr)
            w.add_(v)


def main() -> None:
    args = sys.argv[1:]
    case_dir = Path(args[0])
    lrn_alpha_as_torch = "--lrn-alpha-as-torch" in args
    dtype = torch.float32 if "--float32" in args else torch.float64
    torch.set_num_threads(2)
    case = json.loads((case_dir / "case.json").read_text())
    spec = case["spec"]
    params, variables = load_params(case, case_dir, dtype)
    steps, batch = case["steps"], case["batchSize"]
    inp = spec["layers"][0]
    images = torch.frombuffer(bytearray((case_dir / "images.bin").read_bytes()), dtype=torch.float32)
    images = images.reshape(steps, batch, inp["height"], inp["width"], inp["channels"]).to(dtype)
    labels = torch.frombuffer(bytearray((case_dir / "labels.bin").read_bytes()), dtype=torch.int32)
    labels = labels.reshape(steps, batch).long()
    opt = case["optimizer"]
    lr, mu, wd = opt["learningRate"], opt["momentum"], opt["weightDecay"]
    velocity = [torch.zeros_like(v) for v in variables]
    losses = []
    for s in range(steps):
        x = images[s].permute(0, 3, 1, 2)  # NHWC -> NCHW
        logits = forward(spec["layers"], params, x, lrn_alpha_as_torch)
        loss = F.cross_entropy(logits, labels[s])
        sgd_step(variables, velocity, torch.autograd.grad(loss, variables), lr, mu, wd)
        losses.append(loss.item())
    print(json.dumps({"losses": losses, "torch": torch.__version__, "dtype": str(dtype)}))


if __name__ == "__main__":
    main()
