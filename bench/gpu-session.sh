#!/bin/bash
# Every GPU figure issue #6 asks for, in one command on a lent GPU machine (the `device` tool:
# ~15 minutes of device time a session, each new machine costs minutes, so one call does it all).
#
# Here (build machine), once:   bash bench/gpu-session.sh prepare
#   bundles bench/node.ts and packs Node + Dawn + the bundle + ../shared/device/torch_reference.py
#   into .devcarry/ (ignored by git, ~35 MiB).
# Then the device tool:         run  carry [".devcarry"]  command "bash bench/gpu-session.sh run"
#   timeout_s 540. Writes $OUT/gpu-session.txt (everything printed) and prints, last, our WebGPU
#   img/s against PyTorch fp32 and TF32 on the same GPU, per preset.
#
# The order puts the headline (our kernels vs PyTorch) first, so that a run cut short by its time
# limit still answers it; stock kernels and the per-layer tables follow.
set -uo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"

case "${1:-}" in
  prepare)
    npm run bench:node:build >/dev/null
    bash ../shared/device/prepare-carry.sh dist-bench/bench-node.mjs ../shared/device/torch_reference.py
    ;;
  run)
    out="${OUT:-/tmp}/gpu-session.txt"
    : >"$out"
    step() { echo "## $*" | tee -a "$out"; timeout "$1" "${@:2}" 2>&1 | tee -a "$out"; }
    export PYTHONUNBUFFERED=1
    # Ours, then PyTorch: the ratio the issue asks for.
    step 150 bash .devcarry/run.sh bench-node.mjs --backend webgpu --runs cifar:128:10,paper:128:5 --profile --top 16
    RUNS=cifar32:128:10,alexnet227:128:5 step 120 python3 .devcarry/torch_reference.py
    # Stock tfjs-webgpu kernels (the 1.6 % / 2.6 % baseline), fewer steps: they are slow.
    step 120 bash .devcarry/run.sh bench-node.mjs --backend webgpu --runs cifar:128:3,paper:128:2 --baseline
    # Layer by layer, stock vs ours, with each GEMM tile size.
    step 60 bash .devcarry/run.sh bench-node.mjs --kernels 128 --reps 3 --tile 64
    step 60 bash .devcarry/run.sh bench-node.mjs --kernels 128 --reps 3 --tile 128
    # The summary: JSON lines of both benches from the log.
    python3 - "$out" <<'PY' | tee -a "$out"
import json, sys
ours, stock, torch = {}, {}, {}
names = {'cifar': 'cifar32', 'paper': 'alexnet227'}
for line in open(sys.argv[1]):
    line = line.strip()
    if not line.startswith('{'):
        continue
    d = json.loads(line)
    if 'results' in d:  # the first bench-node run is ours, the second stock (--baseline)
        into = stock if ours else ours
        for r in d['results']:
            into[names[r['preset']]] = r['imagesPerSec']
    elif 'impl' in d:
        torch[(d['preset'], d['impl'])] = d['img_per_s']
print('## summary: our WebGPU training vs stock tfjs-webgpu and PyTorch on this GPU (batch 128, img/s)')
for preset, ips in ours.items():
    if preset in stock:
        print(f'{preset}: ours {ips:.1f} vs stock {stock[preset]:.1f} = x{ips / stock[preset]:.1f}')
    for impl in ('torch-cuda-fp32', 'torch-cuda-tf32'):
        ref = torch.get((preset, impl))
        if ref:
            print(f'{preset}: ours {ips:.1f} vs {impl} {ref:.1f} = {100 * ips / ref:.1f} %')
PY
    ;;
  *)
    echo "usage: bash bench/gpu-session.sh prepare|run" >&2
    exit 2
    ;;
esac
