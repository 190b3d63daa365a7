import { useState } from 'react';
import { useT } from '../i18n';

/**
 * Copies the page's address: the URL always holds the current setup (client/urlState.ts), so
 * the link opens this setup elsewhere — a teacher sends it to the class.
 */
export function CopyLink() {
  const t = useT();
  const [done, setDone] = useState<'copied' | 'failed' | null>(null);
  const copy = () => {
    navigator.clipboard.writeText(location.href).then(
      () => setDone('copied'),
      // No clipboard permission (or an insecure page): the address bar has the same link.
      () => setDone('failed'),
    );
  };
  return (
    <p className="copy-link">
      <button type="button" onClick={copy}>
        {t('copyLink')}
      </button>{' '}
      <span role="status" className="hint">
        {done === 'copied' ? t('linkCopied') : done === 'failed' ? t('linkNotCopied') : ''}
      </span>
    </p>
  );
}
