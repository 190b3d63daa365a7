"""The closing summary of bench/gpu-session.sh, read from its log (argv[1]).

(a) the self-test verdict and its worst case; (b) our WebGPU training step against stock
tfjs-webgpu and PyTorch (img/s); (c) the accuracy run: test accuracy per epoch and the seconds
to 50/70/80 % test accuracy (since the trainer started, its data decoding included).
"""
import json
import re
import sys

names = {'cifar': 'cifar32', 'paper': 'alexnet227'}
self_test, ours, stock, torch, epochs = None, {}, {}, {}, []
epoch_line = re.compile(r'^epoch (\d+): train acc ([\d.]+) %, test acc ([\d.]+) %.*?'
                        r'(?:mirrored-average top-1 error ([\d.]+) % )?\((\d+) s\)')
for line in open(sys.argv[1]):
    line = line.strip()
    m = epoch_line.match(line)
    if m:
        e, train, test, mirrored, secs = m.groups()
        epochs.append((int(e), float(train), float(test), None if mirrored is None else 100 - float(mirrored), int(secs)))
        continue
    if not line.startswith('{'):
        continue
    try:
        d = json.loads(line)
    except ValueError:
        continue
    if 'selfTest' in d:
        self_test = d['selfTest']
    elif 'results' in d:  # the first throughput run is ours, the second stock (--baseline)
        into = stock if ours else ours
        for r in d['results']:
            into[names[r['preset']]] = r['imagesPerSec']
    elif 'impl' in d:
        torch[(d['preset'], d['impl'])] = d['img_per_s']

print('## summary')
if self_test:
    cases = self_test['kernels'] + [s['result'] for s in self_test['steps']]
    failed = [c['name'] for c in cases if not c['pass']]
    worst = max(cases, key=lambda c: c['maxError'] / c['tolerance'])
    print(f"(a) self-test: {'pass' if self_test['pass'] else 'FAIL'}, {len(cases)} cases in "
          f"{self_test['ms'] / 1000:.1f} s; closest to its tolerance: {worst['name']} "
          f"(max error {worst['maxError']:.2e}, tolerance {worst['tolerance']})"
          + (f"; failed: {', '.join(failed)}" if failed else ''))
else:
    print('(a) self-test: no result')
print('(b) training step, batch 128, img/s:')
for preset, ips in ours.items():
    if preset in stock:
        print(f'    {preset}: ours {ips:.1f} vs stock {stock[preset]:.1f} = x{ips / stock[preset]:.1f}')
    for impl in ('torch-cuda-fp32', 'torch-cuda-tf32', 'torch-cpu-fp32'):
        ref = torch.get((preset, impl))
        if ref:
            print(f'    {preset}: ours {ips:.1f} vs {impl} {ref:.1f} = {100 * ips / ref:.1f} %')
if epochs:
    print(f'(c) accuracy recipe, CIFAR preset, {len(epochs)} epochs:')
    for e, train, test, mirrored, secs in epochs:
        extra = f', mirrored {mirrored:.2f} %' if mirrored is not None else ''
        print(f'    epoch {e}: train {train:.2f} %, test {test:.2f} %{extra} at {secs} s')
    for goal in (50, 70, 80):
        hit = next((secs for _, _, test, _, secs in epochs if test >= goal), None)
        print(f'    {goal} % test accuracy: ' + (f'{hit} s' if hit is not None else 'not reached'))
else:
    print('(c) accuracy run: no finished epoch')
