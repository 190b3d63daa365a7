import { useEffect, useRef } from 'react';
import { requestFilters } from '../../client/inspect';
import { buildSpec } from '../../model/spec';
import { store, useApp } from '../../store';
import { useT } from '../i18n';
import { ClassifyBox } from './ClassifyBox';
import { FeatureMaps } from './FeatureMaps';
import { FilterTiles } from './FilterTiles';
import { ModelFiles } from './ModelFiles';
import { Prediction } from './Prediction';
import { TestInsight } from './TestInsight';
import './inspect.css';

/** "Look inside the network": classify an image, its feature maps, conv1's filters, the test set, save/load. */
export function InspectPanel() {
  const t = useT();
  const focused = useApp((s) => s.focusedLayer);
  const mapsOpen = useRef<HTMLDetailsElement>(null);
  const filtersOpen = useRef<HTMLDetailsElement>(null);
  // A layer picked in the network picture opens its maps; the first conv also opens its filters.
  useEffect(() => {
    if (!focused) return;
    if (mapsOpen.current) mapsOpen.current.open = true;
    const s = store.getState();
    const first = buildSpec(s.config).layers.find((l) => l.kind === 'conv');
    if (focused.name !== first?.name || !filtersOpen.current) return;
    filtersOpen.current.open = true;
    if (!s.filters) requestFilters();
  }, [focused]);
  return (
    <section className="panel inspect" aria-labelledby="inspect-title">
      <h2 id="inspect-title">{t('inspectTitle')}</h2>
      <ModelFiles />
      <ClassifyBox />
      <Prediction />
      <details open ref={mapsOpen}>
        <summary>{t('featureMapsTitle')}</summary>
        <FeatureMaps />
      </details>
      <details ref={filtersOpen}>
        <summary>{t('filtersTitle')}</summary>
        <FilterTiles />
      </details>
      <details>
        <summary>{t('insightTitle')}</summary>
        <TestInsight />
      </details>
    </section>
  );
}
