/**
 * The layout playground: a schema-aware JSON editor beside the live dashboard. Site owners
 * edit their community's layout, see every problem with its path, and copy, download or save
 * the result. The preview keeps the last valid layout while the text is broken, so a typo
 * never blanks the page.
 */
import { useMemo, useState, type ReactNode } from 'react';
import type { Layout, LayoutInput } from '../../src/layout/schema';
import { checkLayoutText } from './checkLayoutText';
import { LayoutEditor, type EditorSchema } from './LayoutEditor';
import { SaveToServer } from './SaveToServer';
import './playground.css';

export interface LayoutPlaygroundProps {
  /** The starting layout; a string is taken verbatim (e.g. to start from broken JSON). */
  initialLayout: LayoutInput | string;
  /** The layout's JSON Schema, for completion and hover docs. */
  schema: EditorSchema;
  /** Draws the dashboard for a valid layout. */
  renderPreview: (layout: Layout) => ReactNode;
  /** Where "Save to server" sends the layout; hidden when absent. */
  save?: { apiBase: string; community: string };
}

function toText(layout: LayoutInput | string): string {
  return typeof layout === 'string' ? layout : JSON.stringify(layout, null, 2);
}

function download(text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'layout.json';
  link.click();
  URL.revokeObjectURL(url);
}

export function LayoutPlayground({ initialLayout, schema, renderPreview, save }: LayoutPlaygroundProps) {
  const [text, setText] = useState(() => toText(initialLayout));
  const [notice, setNotice] = useState<string | null>(null);
  const check = useMemo(() => checkLayoutText(text), [text]);
  const [lastValid, setLastValid] = useState<Layout | null>(() => (check.status === 'valid' ? check.layout : null));
  if (check.status === 'valid' && check.layout !== lastValid) setLastValid(check.layout);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setNotice('Layout copied to the clipboard.');
    } catch (error) {
      setNotice(`Could not copy: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  return (
    <div className="rs-playground">
      <section className="rs-playground-source" aria-label="Layout JSON">
        <div className="rs-playground-actions">
          <button type="button" onClick={copy}>
            Copy layout
          </button>
          <button type="button" onClick={() => download(text)}>
            Download layout
          </button>
        </div>
        <LayoutEditor value={text} onChange={setText} schema={schema} label="Layout JSON editor" />
        {check.status === 'valid' ? (
          <>
            <p role="status" className="rs-playground-ok">
              Layout is valid.
            </p>
            {check.warnings.length > 0 && (
              <ul aria-label="Layout warnings" className="rs-playground-warnings">
                {check.warnings.map((warning) => (
                  <li key={warning.pointer}>
                    <code>{warning.path}</code> {warning.message}
                  </li>
                ))}
              </ul>
            )}
          </>
        ) : (
          <div role="alert" className="rs-playground-problems">
            <h3>
              {check.problems.length === 1 ? '1 problem' : `${check.problems.length} problems`} in the layout
            </h3>
            <ul aria-label="Layout problems">
              {check.problems.map((problem, i) => (
                <li key={`${problem.pointer}-${i}`}>
                  <code>{problem.path}</code> {problem.message}
                </li>
              ))}
            </ul>
          </div>
        )}
        {notice && <p role="status">{notice}</p>}
        {save && check.status === 'valid' && <SaveToServer {...save} layout={JSON.parse(text) as LayoutInput} />}
      </section>
      <section className="rs-playground-preview" aria-label="Dashboard preview">
        {check.status === 'invalid' && lastValid && <p className="rs-playground-stale">Showing the last valid layout.</p>}
        {lastValid ? renderPreview(lastValid) : <p>Fix the layout to see the dashboard.</p>}
      </section>
    </div>
  );
}
