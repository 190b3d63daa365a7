import { useMemo } from 'react';
import { useApp } from '../../store';
import { buildSpec } from '../../model/spec';
import { computeShapes, totals } from '../../model/shapes';
import { InputSizeNote } from './InputSizeNote';
import { shapeText } from './shapeText';
import { useT } from '../i18n';
import { TableScroll } from '../TableScroll';

const fmt = (n: number) => n.toLocaleString('en-US');

/** Output shape, parameters and multiply-adds per layer, from the spec alone (no TF.js). */
export function LayerTable() {
  const t = useT();
  const config = useApp((s) => s.config);
  const spec = useMemo(() => buildSpec(config), [config]);
  const shapes = useMemo(() => computeShapes(spec), [spec]);
  const sum = totals(shapes);
  return (
    <div className="panel" aria-labelledby="layers-title">
      <h2 id="layers-title">{t('layersTitle')}</h2>
      <TableScroll label={t('layersTitle')}>
        <table className="layer-table" data-testid="layer-table">
          <thead>
            <tr>
              <th>{t('layerCol')}</th>
              <th>{t('kindCol')}</th>
              <th>{t('outputCol')}</th>
              <th className="num">{t('paramsCol')}</th>
              <th className="num">{t('macsCol')}</th>
            </tr>
          </thead>
          <tbody>
            {shapes.map((l) => (
              <tr key={l.name} data-layer={l.name} className={l.fractional ? 'fractional' : undefined}>
                <td>{l.name}</td>
                <td>{l.kind}</td>
                <td>{shapeText(l.outShape)}</td>
                <td className="num">{l.params ? fmt(l.params) : ''}</td>
                <td className="num">{l.macs ? fmt(l.macs) : ''}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={3}>{t('total')}</td>
              <td className="num" data-testid="total-params">
                {fmt(sum.params)}
              </td>
              <td className="num" data-testid="total-macs">
                {fmt(sum.macs)}
              </td>
            </tr>
          </tfoot>
        </table>
      </TableScroll>
      <InputSizeNote spec={spec} />
    </div>
  );
}
