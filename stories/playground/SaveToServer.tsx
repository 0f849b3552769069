/** The optional "Save to server" form of the playground: community, token, and the result. */
import { useState, type FormEvent } from 'react';
import type { LayoutInput } from '../../src/layout/schema';
import { saveLayout, type SaveResult } from './saveLayout';

export interface SaveToServerProps {
  apiBase: string;
  community: string;
  layout: LayoutInput;
}

export function SaveToServer({ apiBase, community: initialCommunity, layout }: SaveToServerProps) {
  const [community, setCommunity] = useState(initialCommunity);
  const [token, setToken] = useState('');
  const [state, setState] = useState<{ status: 'idle' | 'saving' } | { status: 'done'; result: SaveResult }>({ status: 'idle' });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setState({ status: 'saving' });
    setState({ status: 'done', result: await saveLayout({ apiBase, community, token, layout }) });
  };

  return (
    <form className="rs-playground-save" onSubmit={submit} aria-label="Save to server">
      <label>
        Community
        <input value={community} onChange={(e) => setCommunity(e.target.value)} required />
      </label>
      <label>
        Token
        <input type="password" value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" required />
      </label>
      <button type="submit" disabled={state.status === 'saving'}>
        Save to server
      </button>
      {state.status === 'done' && (
        <p role="status">
          {state.result.ok
            ? `Saved the layout of ${community}.`
            : `Not saved (${state.result.status || 'network'}): ${state.result.message}${state.result.path ? ` at ${state.result.path}` : ''}`}
        </p>
      )}
    </form>
  );
}
