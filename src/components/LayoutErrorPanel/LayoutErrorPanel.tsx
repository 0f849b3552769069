/**
 * Shown instead of a dashboard whose layout is invalid: every problem with its path, so a site
 * owner can fix the JSON. Never a silent blank.
 */
import { useTranslation } from 'react-i18next';
import type { LayoutIssue } from '../../layout/validate';

export function LayoutErrorPanel({ issues }: { issues: readonly LayoutIssue[] }) {
  const { t } = useTranslation('dashboard');
  return (
    <div className="rs-layout-error" role="alert">
      <p className="rs-layout-error-title">{t('states.layoutInvalid', { count: issues.length })}</p>
      <ul>
        {issues.map((issue, i) => (
          <li key={i}>
            <code>{issue.path}</code>: {issue.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
