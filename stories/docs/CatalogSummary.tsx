/// <reference types="vite/client" />
/** How many messages each shipped language has per namespace, read from the catalogs themselves. */
const catalogs = import.meta.glob<Record<string, unknown>>('../../src/i18n/locales/*/*.json', { eager: true, import: 'default' });

function countLeaves(value: unknown): number {
  if (value && typeof value === 'object') return Object.values(value).reduce<number>((n, v) => n + countLeaves(v), 0);
  return 1;
}

export function CatalogSummary() {
  const rows = Object.entries(catalogs).map(([path, catalog]) => {
    const [, locale = '', namespace = ''] = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path) ?? [];
    return { locale, namespace, messages: countLeaves(catalog) };
  });
  const namespaces = [...new Set(rows.map((r) => r.namespace))].sort();
  const locales = [...new Set(rows.map((r) => r.locale))].sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b)));
  return (
    <table className="rs-docs-schema">
      <thead>
        <tr>
          <th scope="col">Namespace</th>
          {locales.map((l) => (
            <th scope="col" key={l}>
              {l}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {namespaces.map((ns) => (
          <tr key={ns}>
            <th scope="row">{ns}</th>
            {locales.map((l) => (
              <td key={l}>{rows.find((r) => r.locale === l && r.namespace === ns)?.messages ?? 0}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
