import { describe, expect, it, vi, beforeAll, afterAll, afterEach } from 'vitest';
import { render, screen, within, act } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EditorView } from '@codemirror/view';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { Layout } from '../../src/layout/schema';
import { layoutJsonSchema } from '../../src/layout/jsonSchema';
import { LayoutPlayground } from './LayoutPlayground';
import type { EditorSchema } from './LayoutEditor';

const schema = layoutJsonSchema() as EditorSchema;
const layout = {
  version: 1 as const,
  tabs: [{ id: 'content', label: 'Content', rows: [{ widgets: [{ type: 'single-stat' as const, width: 4, metric: 'records' as const, mode: 'cumulative' as const }] }] }],
};
const preview = (l: Layout) => <p>Preview of {l.tabs.map((t) => t.id).join(', ')}</p>;

const saved: { auth: string | null; body: unknown }[] = [];
const server = setupServer(
  http.put('/api/v1/communities/:id/layout', async ({ request, params }) => {
    if (request.headers.get('authorization') !== 'Bearer good-token') {
      return HttpResponse.json({ error: { code: 'unauthorized', message: 'A valid token is required' } }, { status: 401 });
    }
    saved.push({ auth: request.headers.get('authorization'), body: { community: params.id, layout: await request.json() } });
    return new HttpResponse(null, { status: 204 });
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function editorView(): EditorView {
  const content = screen.getByLabelText('Layout JSON editor');
  const view = EditorView.findFromDOM(content);
  if (!view) throw new Error('no CodeMirror view');
  return view;
}

describe('LayoutPlayground', () => {
  it('when the layout is valid, then it says so and draws the preview', () => {
    render(<LayoutPlayground initialLayout={layout} schema={schema} renderPreview={preview} />);
    expect(screen.getByRole('status')).toHaveTextContent('Layout is valid.');
    expect(screen.getByText('Preview of content')).toBeInTheDocument();
  });

  it('when a widget names an unknown metric, then the problem list shows its path', () => {
    const broken = JSON.stringify({ ...layout, tabs: [{ ...layout.tabs[0], rows: [{ widgets: [{ ...layout.tabs[0]!.rows[0]!.widgets[0], metric: 'likes' }] }] }] }, null, 2);
    render(<LayoutPlayground initialLayout={broken} schema={schema} renderPreview={preview} />);
    const problems = screen.getByRole('list', { name: 'Layout problems' });
    expect(within(problems).getByText('tabs[0].rows[0].widgets[0].metric')).toBeInTheDocument();
    expect(screen.getByText('Fix the layout to see the dashboard.')).toBeInTheDocument();
  });

  it('when the user breaks a valid layout in the editor, then the error appears and the last valid preview stays', async () => {
    render(<LayoutPlayground initialLayout={layout} schema={schema} renderPreview={preview} />);
    const view = editorView();
    const text = view.state.doc.toString();
    const at = text.indexOf('"cumulative"');
    act(() => view.dispatch({ changes: { from: at, to: at + '"cumulative"'.length, insert: '"sometimes"' } }));
    expect(await screen.findByText('tabs[0].rows[0].widgets[0].mode')).toBeInTheDocument();
    expect(screen.getByText('Showing the last valid layout.')).toBeInTheDocument();
    expect(screen.getByText('Preview of content')).toBeInTheDocument();
  });

  it('when "Copy layout" is pressed, then the editor text is on the clipboard', async () => {
    const user = userEvent.setup();
    render(<LayoutPlayground initialLayout={layout} schema={schema} renderPreview={preview} />);
    await user.click(screen.getByRole('button', { name: 'Copy layout' }));
    expect(JSON.parse(await navigator.clipboard.readText())).toEqual(layout);
    expect(screen.getByText('Layout copied to the clipboard.')).toBeInTheDocument();
  });

  it('when "Download layout" is pressed, then a layout.json file is offered', async () => {
    const user = userEvent.setup();
    const createObjectURL = vi.fn(() => 'blob:layout');
    const revokeObjectURL = vi.fn();
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe('layout.json');
    });
    render(<LayoutPlayground initialLayout={layout} schema={schema} renderPreview={preview} />);
    await user.click(screen.getByRole('button', { name: 'Download layout' }));
    expect(click).toHaveBeenCalledTimes(1);
    const blob = (createObjectURL.mock.calls[0] as unknown as [Blob])[0];
    expect(JSON.parse(await blob.text())).toEqual(layout);
    click.mockRestore();
    vi.unstubAllGlobals();
  });

  it('when saving with a wrong token, then the server message shows; with the right one, the layout is stored', async () => {
    const user = userEvent.setup();
    render(<LayoutPlayground initialLayout={layout} schema={schema} renderPreview={preview} save={{ apiBase: '/api', community: 'demo' }} />);
    const form = screen.getByRole('form', { name: 'Save to server' });
    await user.type(within(form).getByLabelText('Token'), 'bad');
    await user.click(within(form).getByRole('button', { name: 'Save to server' }));
    expect(await within(form).findByText('Not saved (401): A valid token is required')).toBeInTheDocument();

    await user.clear(within(form).getByLabelText('Token'));
    await user.type(within(form).getByLabelText('Token'), 'good-token');
    await user.click(within(form).getByRole('button', { name: 'Save to server' }));
    expect(await within(form).findByText('Saved the layout of demo.')).toBeInTheDocument();
    expect(saved.at(-1)?.body).toEqual({ community: 'demo', layout });
  });
});

describe('layoutDiagnostics (inline marks)', () => {
  it('when a metric is unknown, then the mark covers exactly its value', async () => {
    const { layoutDiagnostics } = await import('./LayoutEditor');
    const text = JSON.stringify({ ...layout, tabs: [{ ...layout.tabs[0], rows: [{ widgets: [{ ...layout.tabs[0]!.rows[0]!.widgets[0], metric: 'likes' }] }] }] }, null, 2);
    const [mark] = layoutDiagnostics(text);
    expect(mark?.severity).toBe('error');
    expect(text.slice(mark!.from, mark!.to)).toBe('"likes"');
    expect(mark?.message).toMatch(/^tabs\[0\]\.rows\[0\]\.widgets\[0\]\.metric: /);
  });

  it('when the JSON is cut short, then the mark sits where parsing stopped', async () => {
    const { layoutDiagnostics } = await import('./LayoutEditor');
    const [mark] = layoutDiagnostics('{"version": 1,, }');
    expect(mark).toMatchObject({ from: 14, severity: 'error' });
  });
});
