import { useT } from '../i18n';
import { setTheme, useTheme } from '../theme';

/** Dark mode: starts from the system's setting, the visitor's choice is remembered. */
export function DarkModeToggle() {
  const t = useT();
  const theme = useTheme();
  return (
    <label className="check">
      <input
        type="checkbox"
        checked={theme === 'dark'}
        onChange={(e) => setTheme(e.currentTarget.checked ? 'dark' : 'light')}
      />{' '}
      {t('darkMode')}
    </label>
  );
}
