/** The theme tokens and the CSS custom properties they become, read from src/theme. */
import { THEMES, THEME_NAMES, themeVars } from '../../src/theme';

export function ThemeTokensTable() {
  const vars = THEME_NAMES.map((name) => themeVars(THEMES[name]));
  const names = Object.keys(vars[0] ?? {});
  return (
    <table className="rs-docs-schema">
      <thead>
        <tr>
          <th scope="col">CSS custom property</th>
          {THEME_NAMES.map((name) => (
            <th scope="col" key={name}>
              {name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {names.map((cssVar) => (
          <tr key={cssVar}>
            <th scope="row">
              <code>{cssVar}</code>
            </th>
            {vars.map((v, i) => (
              <td key={THEME_NAMES[i]}>
                {/^#/.test(v[cssVar] ?? '') && (
                  <span aria-hidden style={{ display: 'inline-block', width: 14, height: 14, marginRight: 6, verticalAlign: 'middle', border: '1px solid #8888', background: v[cssVar] }} />
                )}
                <code>{v[cssVar]}</code>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
