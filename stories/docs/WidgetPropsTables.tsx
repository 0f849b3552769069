/** One generated props table per widget type, taken from the layout's discriminated union. */
import { WidgetSchema } from '../../src/layout/schema';
import { SchemaTable } from './SchemaTable';

export function WidgetPropsTables() {
  return (
    <>
      {WidgetSchema.options.map((option) => {
        const type = String(option.shape.type.value);
        return (
          <section key={type} id={`widget-${type}`}>
            <h2>
              <code>{type}</code>
            </h2>
            <SchemaTable schema={option} caption={`Props of a "${type}" widget`} />
          </section>
        );
      })}
    </>
  );
}
