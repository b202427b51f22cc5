import { useState } from 'react';
import type { MeetingType, TypeCategory } from '../admin-api-types.ts';

/** The groups of types, in the order a volunteer looks for them. */
const groups: readonly { category: TypeCategory; legend: string }[] = [
  { category: 'format', legend: 'Format' },
  { category: 'focus', legend: 'Who it is for' },
  { category: 'community', legend: 'Community' },
  { category: 'literature', legend: 'Reading' },
  { category: 'accessibility', legend: 'Access' },
  { category: 'practical', legend: 'Good to know' },
  { category: 'attendance', legend: 'Closures' },
];

function TypeBox(props: {
  idPrefix: string;
  type: MeetingType;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const id = `${props.idPrefix}-type-${props.type.code}`;
  return (
    <li className="check">
      <input
        type="checkbox"
        id={id}
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
        title={props.type.description}
      />
      <label htmlFor={id}>
        {props.type.name} <span className="code">({props.type.code})</span>
      </label>
    </li>
  );
}

/**
 * The kinds of meeting as checkboxes with their plain names: the Meeting Guide's common types
 * open, languages and the other fellowships' types folded away (opened when one is ticked).
 * Codes the vocabulary does not know stay ticked and are listed as they are.
 */
export function TypePicker(props: {
  idPrefix: string;
  types: readonly MeetingType[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  error: string | null;
}) {
  const { types, selected } = props;
  const chosen = new Set(selected);
  const toggle = (code: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(code);
    else next.delete(code);
    props.onChange([...next].sort());
  };
  const box = (t: MeetingType) => (
    <TypeBox
      key={t.code}
      idPrefix={props.idPrefix}
      type={t}
      checked={chosen.has(t.code)}
      onChange={(on) => toggle(t.code, on)}
    />
  );
  const common = (t: MeetingType) => t.origin === 'meeting-guide' && t.category !== 'language';
  const languages = types.filter((t) => t.category === 'language');
  const others = types.filter((t) => !common(t) && t.category !== 'language');
  const known = new Set(types.map((t) => t.code));
  const unknown = selected.filter((code) => !known.has(code));
  const errorId = `${props.idPrefix}-types-error`;
  // Folded parts open if they hold a ticked type when the form opens; then as the volunteer
  // leaves them (never closed under their fingers).
  const [openAtStart] = useState(() => ({
    languages: selected.some((code) =>
      types.some((t) => t.code === code && t.category === 'language'),
    ),
    others: selected.some((code) =>
      types.some((t) => t.code === code && !common(t) && t.category !== 'language'),
    ),
  }));
  return (
    <fieldset className="types-picker" aria-describedby={props.error ? errorId : undefined}>
      <legend>Kind of meeting</legend>
      {props.error ? (
        <p id={errorId} className="field-error" tabIndex={-1}>
          {props.error}
        </p>
      ) : null}
      {types.length === 0 ? <p className="status">Loading the kinds of meeting…</p> : null}
      {groups.map((g) => {
        const inGroup = types.filter((t) => t.category === g.category && common(t));
        return inGroup.length > 0 ? (
          <div key={g.category} className="type-group">
            <h3>{g.legend}</h3>
            <ul className="checks">{inGroup.map(box)}</ul>
          </div>
        ) : null;
      })}
      {languages.length > 0 ? (
        <details className="choices" open={openAtStart.languages}>
          <summary>Languages</summary>
          <ul className="checks">{languages.map(box)}</ul>
        </details>
      ) : null}
      {others.length > 0 ? (
        <details className="choices" open={openAtStart.others}>
          <summary>More kinds (NA, SMART and other fellowships)</summary>
          <ul className="checks">{others.map(box)}</ul>
        </details>
      ) : null}
      {unknown.length > 0 ? (
        <p className="hint">
          Also listed with codes this directory does not describe: {unknown.join(', ')} (kept as
          they are).
        </p>
      ) : null}
    </fieldset>
  );
}
