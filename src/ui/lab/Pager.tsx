import type { Page } from '../../lab/capacity';
import { useT } from '../i18n';

/** Previous / next and "page 2 of 7" for a paged list; nothing when everything fits on one page. */
export function Pager({ page, onPage, label }: { page: Page; onPage: (p: number) => void; label: string }) {
  const t = useT();
  if (page.pages <= 1) return null;
  return (
    <nav className="pager buttons" aria-label={label}>
      <button onClick={() => onPage(page.page - 1)} disabled={page.page === 0}>
        {t('labPagePrev')}
      </button>
      <span data-testid="pager-status">{t('labPageOf', { page: page.page + 1, pages: page.pages })}</span>
      <button onClick={() => onPage(page.page + 1)} disabled={page.page >= page.pages - 1}>
        {t('labPageNext')}
      </button>
    </nav>
  );
}
