#!/bin/bash
# Every GPU figure the open issues ask for, in one command on a lent GPU machine (the `device`
# tool: ~15 minutes of device time a session, each new machine costs minutes, so one call).
#
# Here (build machine), once:   bash bench/gpu-session.sh prepare
#   bundles bench/node.ts and cli/train.ts and packs Node + Dawn + both bundles + tfjs's .wasm
#   files + ../shared/device/torch_reference.py into .devcarry/ (ignored by git, ~40 MiB). The
#   dataset travels with the working tree (public/data).
# Then the device tool:         run  carry [".devcarry"]  command "bash bench/gpu-session.sh run"
#   timeout_s 540. Writes $OUT/gpu-session.txt (everything printed), $OUT/accuracy.json and .csv
#   (the accuracy run as an experiment file the app imports) and $OUT/alexnet-cifar.json +
#   .weights.bin (the trained model, float16), and prints a summary last.
# Here, without a GPU:          bash bench/gpu-session.sh smoke
#   the same steps with tiny sizes on SwiftShader (Dawn's Vulkan CPU device), from the project
#   root, to know the command works end to end before it meets a GPU (~10 minutes).
#
# In order: (a) the self-test of our kernels on this GPU, each case's max error; (b) our WebGPU
# training step against PyTorch fp32/TF32 and against the stock kernels, both presets; (c) the
# accuracy recipe on the CIFAR preset for as many epochs as fit in the time left (at most ~5
# minutes; the cosine schedule shortened to those epochs), test accuracy per epoch and the
# seconds to 50/70/80 %; (d) its weights. The layer-by-layer tables come last, if time is left.
set -uo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"

case "${1:-}" in
  prepare)
    npm run bench:node:build >/dev/null
    npx vite build --config vite.cli.config.ts --outDir dist-bench/cli >/dev/null
    cp dist-bench/cli/train.mjs dist-bench/train-node.mjs
    bash ../shared/device/prepare-carry.sh dist-bench/bench-node.mjs dist-bench/train-node.mjs \
      ../shared/device/torch_reference.py
    # The self-test compares against the wasm backend: its .wasm files, where the bundles look.
    wasm=.devcarry/node_modules/@tensorflow/tfjs-backend-wasm/dist
    mkdir -p "$wasm" && cp node_modules/@tensorflow/tfjs-backend-wasm/dist/*.wasm "$wasm/"
    du -sh .devcarry
    ;;
  run | smoke)
    mode="$1"
    outdir="${OUT:-/tmp/gpu-session}"
    mkdir -p "$outdir"
    out="$outdir/gpu-session.txt"
    : >"$out"
    export PYTHONUNBUFFERED=1
    budget="${BUDGET_S:-525}" # the whole command, under the device call's 540 s
    start=$SECONDS
    left() { echo $((budget - (SECONDS - start))); }
    if [ "$mode" = run ]; then
      # run.sh unpacks Node and Dawn into ~/.devrun and runs the bundle from there.
      node_run=(bash .devcarry/run.sh)
      at=""
      runs_b=cifar:128:10,paper:128:5
      runs_stock=cifar:128:3,paper:128:2
      torch_runs=cifar32:128:10,alexnet227:128:5
      train_size=()
      kernels_batch=128
      selftest=(--self-test)
      py=python3
      mkdir -p "$HOME/.devrun" && ln -sfn "$here/public" "$HOME/.devrun/public"
    else
      [ -d .devcarry ] || { echo "run prepare first" >&2; exit 2; }
      export LD_LIBRARY_PATH=/usr/lib/chromium VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json
      node_run=(node)
      at=".devcarry/"
      runs_b=cifar:2:1
      runs_stock=cifar:2:1
      torch_runs=cifar32:8:2
      train_size=(--quick 64:32 --batch 16)
      kernels_batch=2
      # The paper preset's whole step takes minutes on SwiftShader: its kernels are checked anyway.
      selftest=(--self-test --presets cifar)
      py=/usr/bin/python3 # Debian's, which has python3-torch
      budget="${BUDGET_S:-900}"
    fi
    step() {
      local limit="$1"
      shift
      [ "$(left)" -gt 20 ] || { echo "## skipped (time): $*" | tee -a "$out"; return; }
      [ "$limit" -le "$(left)" ] || limit="$(left)"
      echo "## [$((SECONDS - start)) s] $* (limit ${limit} s)" | tee -a "$out"
      timeout "$limit" "$@" 2>&1 | tee -a "$out"
    }
    # (a) Our kernels on this GPU, each case against cpu; a whole step of each preset against wasm.
    step 75 "${node_run[@]}" "${at}bench-node.mjs" "${selftest[@]}"
    # (b) Ours, then PyTorch on the same GPU, then the stock tfjs-webgpu kernels.
    step 100 "${node_run[@]}" "${at}bench-node.mjs" --backend webgpu --runs "$runs_b" --profile --top 16
    step 60 env RUNS="$torch_runs" "$py" .devcarry/torch_reference.py
    step 60 "${node_run[@]}" "${at}bench-node.mjs" --backend webgpu --runs "$runs_stock" --baseline
    # (c) + (d) The accuracy recipe for the epochs that fit: (b)'s CIFAR img/s, a training epoch
    # of 50,000 images plus the mirrored evaluation of 10,000 (two forward passes, ~1/3 of a
    # step's cost each), within min(300 s, time left - 45 s).
    ips=$("$py" - "$out" <<'PY'
import json, sys
for line in open(sys.argv[1]):
    if line.startswith('{') and '"results"' in line:
        for r in json.loads(line)['results']:
            if r['preset'] == 'cifar':
                print(r['imagesPerSec'])
        break
PY
)
    train_s=$(($(left) - 45))
    [ "$train_s" -le 300 ] || train_s=300
    if [ "$mode" = run ]; then
      epochs=$("$py" -c "import sys; ips=float(sys.argv[1] or 0); t=int(sys.argv[2]); e=(50000+20000/3)/ips*1.15+3 if ips>0 else 1e9; print(max(1, min(60, int(t/e))))" "${ips:-0}" "$train_s")
    else
      epochs=2
    fi
    echo "## accuracy run: CIFAR preset, recipe, ${epochs} epochs (cosine over ${epochs}); measured ${ips:-?} img/s, ${train_s} s for it" | tee -a "$out"
    step $((train_s + 40)) "${node_run[@]}" "${at}train-node.mjs" --recipe --preset cifar --backend webgpu \
      --epochs "$epochs" "${train_size[@]}" --name "gpu-recipe-${epochs}ep" \
      --out "$outdir/accuracy" --save-model "$outdir/alexnet-cifar" --weights float16
    # Layer by layer, stock vs ours, with each GEMM tile size: only with time to spare.
    step 45 "${node_run[@]}" "${at}bench-node.mjs" --kernels "$kernels_batch" --reps 3 --tile 64
    step 45 "${node_run[@]}" "${at}bench-node.mjs" --kernels "$kernels_batch" --reps 3 --tile 128
    "$py" bench/gpu-summary.py "$out" | tee -a "$out"
    ;;
  *)
    echo "usage: bash bench/gpu-session.sh prepare|run|smoke" >&2
    exit 2
    ;;
esac
