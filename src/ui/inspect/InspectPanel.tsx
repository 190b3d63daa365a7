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
  return (
    <section className="panel inspect" aria-labelledby="inspect-title">
      <h2 id="inspect-title">{t('inspectTitle')}</h2>
      <ModelFiles />
      <ClassifyBox />
      <Prediction />
      <details open>
        <summary>{t('featureMapsTitle')}</summary>
        <FeatureMaps />
      </details>
      <details>
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
