#!/usr/bin/python3
"""The accuracy recipe trained by PyTorch (issue #16, mid-scale): reads a case written by
`npm run train -- ... --twin-case DIR` (cli/twinCase.ts) - the app's layer spec, its initial
weights for the seed, the run's training subset and test images, the normalisation and the
settings - and trains it with its own batches, augmentation and dropout (torch's random numbers,
seeded by the run's seed), printing one JSON line per epoch.

    /usr/bin/python3 cli/twinRecipe.py CASE_DIR [--threads N] [--out FILE.json]

What it shares with the app is the computation, not the random draws: the network (cli/twin.py's
forward, with dropout), the SGD form (v <- mu v - lambda eps w - eps g; w <- w + v, biases too),
the learning rate per step (src/train/schedule.ts: linear warm-up, then cosine over the rest, at
fractional epochs), pad-4-and-crop with zeros (the mean colour) and mirror flips, a last partial
batch each epoch, and the test score with mirrored averaging of softmax probabilities.
"""
import json
import math
import sys
import time
from pathlib import Path

import torch
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).parent))
from twin import forward, load_params, sgd_step  # noqa: E402

PAD = 4


def learning_rate_at(schedule, base, epoch, total):
    warm = max(0.0, schedule["warmupEpochs"])
    if warm > 0 and epoch < warm:
        return base * epoch / warm
    kind = schedule["kind"]
    if kind == "constant":
        return base
    if kind == "step":
        return base * schedule["stepFactor"] ** math.floor(epoch / max(1e-9, schedule["stepEpochs"]))
    span = max(1e-9, total - warm)
    t = min(1.0, max(0.0, (epoch - warm) / span))
    return base * 0.5 * (1 + math.cos(math.pi * t))


def load_images(case_dir: Path, name: str, count: int, mean, std):
    """uint8 NHWC -> normalised float32 NCHW."""
    raw = torch.frombuffer(bytearray((case_dir / f"{name}-images.bin").read_bytes()), dtype=torch.uint8)
    x = raw.reshape(count, 32, 32, 3).float().div(255)
    x = (x - torch.tensor(mean)) / torch.tensor(std)
    labels = torch.frombuffer(bytearray((case_dir / f"{name}-labels.bin").read_bytes()), dtype=torch.uint8)
    return x.permute(0, 3, 1, 2).contiguous(), labels.long()


def augment(x, settings, gen):
    n = x.shape[0]
    if settings["crop"]:
        padded = F.pad(x, (PAD, PAD, PAD, PAD))
        offsets = torch.randint(0, 2 * PAD + 1, (n, 2), generator=gen)
        x = torch.stack([padded[i, :, oy : oy + 32, ox : ox + 32] for i, (oy, ox) in enumerate(offsets.tolist())])
    if settings["flip"]:
        flip = torch.rand(n, generator=gen) < 0.5
        x = torch.where(flip[:, None, None, None], x.flip(3), x)
    return x


def net(layers, params, x, training, gen):
    """cli/twin.py's forward, with inverted dropout where the spec has it."""
    h = x
    run = []
    for layer in layers:
        if layer["kind"] == "dropout":
            h = forward(run, params, h, False) if run else h
            run = []
            if training:
                keep = (torch.rand(h.shape, generator=gen) >= layer["rate"]).to(h.dtype)
                h = h * keep / (1 - layer["rate"])
        else:
            run.append(layer)
    return forward(run, params, h, False) if run else h


def evaluate(layers, params, x, y, tta, chunk=500):
    correct = tta_correct = 0
    loss = 0.0
    with torch.no_grad():
        for i in range(0, x.shape[0], chunk):
            xb, yb = x[i : i + chunk], y[i : i + chunk]
            logits = net(layers, params, xb, False, None)
            loss += F.cross_entropy(logits, yb, reduction="sum").item()
            correct += (logits.argmax(1) == yb).sum().item()
            if tta:
                p = logits.softmax(1) + net(layers, params, xb.flip(3), False, None).softmax(1)
                tta_correct += (p.argmax(1) == yb).sum().item()
    n = x.shape[0]
    return correct / n, loss / n, (tta_correct / n if tta else None)


def main() -> None:
    args = sys.argv[1:]
    case_dir = Path(args[0])
    threads = int(args[args.index("--threads") + 1]) if "--threads" in args else 2
    out = Path(args[args.index("--out") + 1]) if "--out" in args else None
    torch.set_num_threads(threads)
    case = json.loads((case_dir / "case.json").read_text())
    spec, s = case["spec"], case["settings"]
    layers = spec["layers"]
    if layers[1]["kind"] == "resize":
        raise SystemExit("twinRecipe: the CIFAR-native preset only (no resize)")
    params, variables = load_params(case, case_dir, torch.float32)
    mean, std = case["stats"]["mean"], case["stats"]["std"]
    xtr, ytr = load_images(case_dir, "train", case["trainCount"], mean, std)
    xte, yte = load_images(case_dir, "test", case["testCount"], mean, std)
    opt = s["optimizer"]
    base, mu, wd, batch = opt["learningRate"], opt["momentum"], opt["weightDecay"], opt["batchSize"]
    epochs, seed = s["epochs"], s["seed"]
    gen = torch.Generator().manual_seed(seed)
    velocity = [torch.zeros_like(v) for v in variables]
    n = xtr.shape[0]
    steps_per_epoch = math.ceil(n / batch)
    rows = []
    t0 = time.time()
    for epoch in range(1, epochs + 1):
        order = torch.randperm(n, generator=gen)
        loss_sum = acc_sum = 0.0
        for b in range(steps_per_epoch):
            idx = order[b * batch : (b + 1) * batch]
            lr = learning_rate_at(s["schedule"], base, epoch - 1 + b / steps_per_epoch, epochs)
            x = augment(xtr[idx], s["augment"], gen)
            logits = net(layers, params, x, True, gen)
            loss = F.cross_entropy(logits, ytr[idx])
            sgd_step(variables, velocity, torch.autograd.grad(loss, variables), lr, mu, wd)
            loss_sum += loss.item() * idx.numel()
            acc_sum += (logits.argmax(1) == ytr[idx]).sum().item()
        test_acc, test_loss, tta_acc = evaluate(layers, params, xte, yte, s["tta"])
        row = {
            "epoch": epoch,
            "trainLoss": loss_sum / n,
            "trainAcc": acc_sum / n,
            "testLoss": test_loss,
            "testAcc": test_acc,
            "ttaTestAcc": tta_acc,
            "seconds": round(time.time() - t0, 1),
        }
        rows.append(row)
        print(json.dumps(row), flush=True)
    result = {"torch": torch.__version__, "threads": threads, "seed": seed, "epochs": rows}
    if out:
        out.write_text(json.dumps(result, indent=1) + "\n")


if __name__ == "__main__":
    main()
