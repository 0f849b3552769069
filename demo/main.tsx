/**
 * The demo page: the full dashboard against the repostats server (`npm run demo` serves it at /),
 * with switches for community (from GET /api/v1/communities), language and theme. The view is
 * synced to the URL, so any state of the page can be shared as a link.
 */
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { StatsDashboard } from '../src';
import { CommunitiesResponseSchema, type Community } from '../src/api/schemas';
import type { ThemeName } from '../src/theme';
import 'virtual:repostats-semantic.css';
import '../src/styles/dashboard.css';
import '../src/styles/semantic-theme.css';

const API = '/api';
const LANGUAGES = [
  ['en', 'English'],
  ['fr', 'Français'],
  ['de', 'Deutsch'],
  ['es', 'Español'],
] as const;

const params = new URLSearchParams(window.location.search);
const initial = {
  community: params.get('community') ?? 'global',
  locale: params.get('lang') ?? (navigator.language.split('-')[0] || 'en'),
  theme: (params.get('theme') === 'dark' ? 'dark' : 'light') as ThemeName,
};

/** Keeps the demo's own switches in the URL next to the dashboard's `rs.` parameters. */
function setParam(key: string, value: string) {
  const next = new URLSearchParams(window.location.search);
  next.set(key, value);
  window.history.replaceState(window.history.state, '', `${window.location.pathname}?${next.toString()}`);
}

function Demo() {
  const [communities, setCommunities] = useState<Community[]>([]);
  const [community, setCommunity] = useState(initial.community);
  const [locale, setLocale] = useState(initial.locale);
  const [theme, setTheme] = useState<ThemeName>(initial.theme);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    fetch(`${API}/v1/communities`)
      .then((r) => r.json())
      .then((body) => setCommunities(CommunitiesResponseSchema.parse(body).communities))
      .catch((error: Error) => setProblem(error.message));
  }, []);
  useEffect(() => {
    document.body.classList.toggle('dark', theme === 'dark');
  }, [theme]);

  return (
    <>
      <header className="demo-header">
        <h1>repostats demo</h1>
        <label>
          Community
          <select value={community} onChange={(e) => (setCommunity(e.target.value), setParam('community', e.target.value))}>
            {!communities.some((c) => c.id === 'global') && <option value="global">global</option>}
            {communities.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title ?? c.slug ?? c.id}
                {c.enabled ? '' : ' (disabled)'}
              </option>
            ))}
          </select>
        </label>
        <label>
          Language
          <select value={locale} onChange={(e) => (setLocale(e.target.value), setParam('lang', e.target.value))}>
            {LANGUAGES.map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Theme
          <select value={theme} onChange={(e) => (setTheme(e.target.value as ThemeName), setParam('theme', e.target.value))}>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </label>
      </header>
      {problem && <p role="alert">Could not list communities: {problem}</p>}
      <main>
        {/* A new key per community: a fresh store and cache for a different repository slice. */}
        <StatsDashboard key={community} apiBase={API} community={community} locale={locale} theme={theme} urlSync />
      </main>
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Demo />
  </StrictMode>,
);
