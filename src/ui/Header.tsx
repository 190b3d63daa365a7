import { isRunActive, useApp } from '../store';
import { bridge } from '../client/bridge';
import { setLang, useLang, useProblemText, useT, type Lang } from './i18n';

/** Title, language switch, and the backend in use with why it was chosen (data-testid="backend"). */
export function Header() {
  const backend = useApp((s) => s.backend);
  const running = useApp(isRunActive);
  const t = useT();
  const lang = useLang();
  const word = useProblemText();
  const reason = backend ? word(backend.reason) : undefined;
  return (
    <header className="header">
      <div className="header-row">
        <h1>{t('appTitle')}</h1>
        <label className="lang">
          {t('language')}{' '}
          <select value={lang} onChange={(e) => void setLang(e.currentTarget.value as Lang)}>
            <option value="en">English</option>
            <option value="zh">简体中文</option>
          </select>
        </label>
      </div>
      <p className="tagline">{t('tagline')}</p>
      <div className="backend" data-testid="backend" title={reason}>
        {backend ? (
          <>
            <strong>{backend.name}</strong> · {backend.adapter}
            <span className="reason"> — {reason}</span>
            {backend.figures && (
              <span className="backend-figures" data-testid="backend-figures">
                {' '}
                [{t('backendProbe')}:{' '}
                {backend.figures
                  .map(
                    (f) =>
                      `${f.backend} ${f.ms === null ? `— ${f.note ? word(f.note) : ''}` : `${f.ms.toFixed(0)} ms`}`,
                  )
                  .join(' · ')}
                ]
              </span>
            )}
          </>
        ) : (
          t('startingWorker')
        )}
      </div>
      {backend?.selfTest && (
        <div className="self-test" data-testid="self-test">
          {backend.selfTest.problems.map((p, i) => (
            <span key={i} className="self-test-line">
              {word(p)}
            </span>
          ))}{' '}
          <button type="button" disabled={running} onClick={() => bridge.recheckGpu()}>
            {t('checkGpuAgain')}
          </button>
        </div>
      )}
    </header>
  );
}
