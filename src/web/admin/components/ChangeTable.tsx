import { fieldLabel } from '../field-labels.ts';
import { valueText } from '../format.ts';
import { useTypes } from '../meeting/use-types.ts';

/** Field by field, what a listing says and what a change makes it say. */
export function ChangeTable(props: {
  caption: string;
  changes: readonly { field: string; before: unknown; after: unknown }[];
  beforeLabel: string;
  afterLabel: string;
}) {
  const types = useTypes();
  const names = new Map((types ?? []).map((t) => [t.code, t.name]));
  /** Type codes by their names, once the vocabulary has come. */
  const shown = (field: string, value: unknown) =>
    field === 'types' && Array.isArray(value) && value.length > 0
      ? value.map((code) => names.get(String(code)) ?? String(code)).join(', ')
      : valueText(field, value);
  return (
    <div className="table-scroll">
      <table className="changes">
        <caption className="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">{props.beforeLabel}</th>
            <th scope="col">{props.afterLabel}</th>
          </tr>
        </thead>
        <tbody>
          {props.changes.map((c) => (
            <tr key={c.field}>
              <th scope="row">{fieldLabel(c.field)}</th>
              <td className="pre">{shown(c.field, c.before)}</td>
              <td className="pre">{shown(c.field, c.after)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
