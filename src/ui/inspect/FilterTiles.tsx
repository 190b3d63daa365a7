import { requestFilters } from '../../client/inspect';
import { useApp } from '../../store';
import { useT } from '../i18n';
import { PixelCanvas } from './PixelCanvas';
import { ModelLabel } from './ModelLabel';

/** conv1's kernels as RGB tiles, like the paper's figure 3; refreshed with the feature maps. */
export function FilterTiles() {
  const t = useT();
  const f = useApp((s) => s.filters);
  const size = f ? f.kernel * f.kernel * 3 : 0;
  return (
    <div className="filters">
      <button onClick={requestFilters}>{t('filtersShow')}</button>
      {f && (
        <>
          <ModelLabel origin={f.model} testId="filters-model" />
          <p className="hint">{t('filtersNote', { count: f.count, k: f.kernel, layer: f.layer })}</p>
          <div className="filter-grid" data-testid="filters">
            {Array.from({ length: f.count }, (_, i) => (
              <PixelCanvas
                key={i}
                pixels={f.pixels.subarray(i * size, (i + 1) * size)}
                width={f.kernel}
                height={f.kernel}
                display={44}
                label={`${f.layer} #${i}`}
              />
            ))}
          </div>
        </>
      )}
    </div>
  );
}
