import { fieldLabel } from '../field-labels.ts';
import { valueText } from '../format.ts';

/** Field by field, what a listing says and what a change makes it say. */
export function ChangeTable(props: {
  caption: string;
  changes: readonly { field: string; before: unknown; after: unknown }[];
  beforeLabel: string;
  afterLabel: string;
}) {
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
              <td className="pre">{valueText(c.field, c.before)}</td>
              <td className="pre">{valueText(c.field, c.after)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
