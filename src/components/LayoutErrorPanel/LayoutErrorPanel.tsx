/**
 * Shown instead of a dashboard whose layout is invalid: every problem with its path, so a site
 * owner can fix the JSON. Never a silent blank.
 */
import { useTranslation } from 'react-i18next';
import { Message } from 'semantic-ui-react';
import type { LayoutIssue } from '../../layout/validate';

export function LayoutErrorPanel({ issues }: { issues: readonly LayoutIssue[] }) {
  const { t } = useTranslation('dashboard');
  return (
    <Message negative role="alert" className="rs-layout-error">
      <Message.Header as="p">{t('states.layoutInvalid', { count: issues.length })}</Message.Header>
      <Message.List>
        {issues.map((issue, i) => (
          <Message.Item key={i}>
            <code>{issue.path}</code>: {issue.message}
          </Message.Item>
        ))}
      </Message.List>
    </Message>
  );
}
