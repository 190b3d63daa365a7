import { test, expect, openReady } from './fixtures';

// Here the only GPU adapters are software (SwiftShader): forced with ?backend=…, WebGPU gives a
// real device and WebGL a real context, whose loss the Worker must notice. The run must end with
// a message, keep its curves and its checkpoint, and resume on WebAssembly in a fresh Worker.
for (const { backend, lose } of [
  { backend: 'webgpu', lose: 'device.destroy()' },
  { backend: 'webgl', lose: 'WEBGL_lose_context' },
]) {
  test(`a lost ${backend} GPU (${lose}) mid-run: message, curves kept, resumed on WebAssembly`, async ({
    page,
    consoleErrors,
  }) => {
    // On webgpu the GPU self-test runs first (forced SwiftShader: minutes of shader compiling).
    test.setTimeout(backend === 'webgpu' ? 720_000 : 360_000);
    await openReady(page, `?backend=${backend}`);
    await expect(page.getByTestId('backend')).toContainText(backend);
    // A run small enough for a software GPU: 4 images, batch 2 (two steps an epoch), 3 epochs.
    await page.getByLabel('Quick-mode training images').fill('4');
    await page.getByLabel('Quick-mode test images').fill('2');
    await page.getByLabel('Batch size', { exact: true }).fill('2');
    await page.getByLabel('Epochs', { exact: true }).fill('3');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect(page.getByTestId('run-state')).toHaveText('training');
    // After the first epoch the Worker saves a checkpoint (weights + momentum) and says so. On a
    // loaded machine a step can take over a minute, and a mid-epoch checkpoint then comes first:
    // wait for one at step 2 or later, so that two points are on the chart.
    // Training waits for the self-test, and checks its model's whole step first.
    await expect(page.getByTestId('checkpoint-saved')).toBeVisible({
      timeout: backend === 'webgpu' ? 480_000 : 240_000,
    });
    await expect(page.getByTestId('checkpoint-saved')).toHaveAttribute('data-step', /^([2-9]|\d\d+)$/, {
      timeout: 240_000,
    });
    await expect
      .poll(async () => Number(await page.getByTestId('loss-chart').getAttribute('data-points')))
      .toBeGreaterThanOrEqual(2);
    const points = Number(await page.getByTestId('loss-chart').getAttribute('data-points'));
    expect(points).toBeGreaterThanOrEqual(2);

    await page.evaluate(() =>
      (window as unknown as { __alexnetLab: { loseDevice(): void } }).__alexnetLab.loseDevice(),
    );
    await expect(page.getByRole('alert').filter({ hasText: /GPU was lost/ })).toBeVisible({
      timeout: 60_000,
    });
    await expect(page.getByTestId('run-state')).toHaveText('error');
    // The curves drawn so far stay on the page.
    expect(Number(await page.getByTestId('loss-chart').getAttribute('data-points'))).toBeGreaterThanOrEqual(
      points,
    );

    // A fresh Worker on wasm: the data comes back and the checkpoint is offered.
    await expect(page.getByTestId('train-count')).toHaveText('50000', { timeout: 90_000 });
    await expect(page.getByTestId('backend')).toContainText('wasm');
    const banner = page.getByTestId('resume-banner');
    await expect(banner).toContainText(/with [12] of 3 epochs finished/);
    await banner.getByRole('button', { name: 'Resume the interrupted run' }).click();
    await expect(page.getByTestId('run-state')).toHaveText('done', { timeout: 120_000 });
    await expect(page.getByTestId('resume-banner')).toHaveCount(0);
    expect(consoleErrors).toEqual([]);
  });
}
