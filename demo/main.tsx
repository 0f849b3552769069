/**
 * The demo page: the full dashboard against the repostats server (`npm run demo` serves it at /),
 * with switches for community (from GET /api/v1/communities), language and theme. The view is
 * synced to the URL, so any state of the page can be shared as a link.
 */
import { StrictMode, useEffect, useState, type CSSProperties } from 'react';
import { createRoot } from 'react-dom/client';
import { StatsDashboard } from '../src';
import { SelectControl } from '../src/components/controls/SelectControl';
import { CommunitiesResponseSchema, type Community } from '../src/api/schemas';
import { THEMES, themeVars, type ThemeName } from '../src/theme';
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

/** The demo header's own words, in the dashboard's four languages. */
const WORDS = {
  en: { title: 'repostats demo', community: 'Community', language: 'Language', theme: 'Theme', light: 'Light', dark: 'Dark', global: 'Whole repository', disabled: 'disabled', problem: 'Could not list communities:' },
  fr: { title: 'Démo repostats', community: 'Communauté', language: 'Langue', theme: 'Thème', light: 'Clair', dark: 'Sombre', global: 'Tout le dépôt', disabled: 'désactivée', problem: 'Impossible de lister les communautés :' },
  de: { title: 'repostats-Demo', community: 'Community', language: 'Sprache', theme: 'Design', light: 'Hell', dark: 'Dunkel', global: 'Gesamtes Repositorium', disabled: 'deaktiviert', problem: 'Communities konnten nicht geladen werden:' },
  es: { title: 'Demo de repostats', community: 'Comunidad', language: 'Idioma', theme: 'Tema', light: 'Claro', dark: 'Oscuro', global: 'Todo el repositorio', disabled: 'desactivada', problem: 'No se pudieron listar las comunidades:' },
} as const;

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

  const words = WORDS[(locale in WORDS ? locale : 'en') as keyof typeof WORDS];
  // `?community=` may name a community by its slug; the switcher lists them by id.
  const selected = communities.find((c) => c.id === community || c.slug === community)?.id ?? community;
  const name = (c: Community) => (c.id === 'global' ? words.global : (c.title ?? c.slug ?? c.id));

  return (
    <>
      {/* Inside `.rs-dashboard` with the theme's tokens: the same scoped Fomantic look as the dashboard's controls. */}
      <header className={`demo-header rs-dashboard rs-theme-${theme}`} data-theme={theme} lang={locale} style={themeVars(THEMES[theme]) as CSSProperties}>
        <h1>{words.title}</h1>
        <SelectControl
          label={words.community}
          value={selected}
          options={[
            ...(communities.some((c) => c.id === selected) ? [] : [{ value: selected, label: selected === 'global' ? words.global : selected }]),
            ...communities.map((c) => ({ value: c.id, label: `${name(c)}${c.enabled ? '' : ` (${words.disabled})`}` })),
          ]}
          onChange={(value) => (setCommunity(value), setParam('community', value))}
        />
        <SelectControl
          label={words.language}
          value={locale}
          options={LANGUAGES.map(([code, label]) => ({ value: code, label }))}
          onChange={(value) => (setLocale(value), setParam('lang', value))}
        />
        <SelectControl<ThemeName>
          label={words.theme}
          value={theme}
          options={[
            { value: 'light', label: words.light },
            { value: 'dark', label: words.dark },
          ]}
          onChange={(value) => (setTheme(value), setParam('theme', value))}
        />
      </header>
      {problem && (
        <p role="alert">
          {words.problem} {problem}
        </p>
      )}
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
