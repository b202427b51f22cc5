import { useState } from 'react';
import { api } from '../api-client.ts';
import { problemOf } from '../problems.ts';
import { useLoad } from '../use-load.ts';

type Kind = 'group' | 'place';

interface Target {
  readonly id: number;
  readonly label: string;
}

const LIMIT = 100;

async function targetsOf(kind: Kind, q: string): Promise<{ total: number; targets: Target[] }> {
  if (kind === 'group') {
    const page = await api.groups(q, 0, LIMIT);
    return { total: page.total, targets: page.groups.map((g) => ({ id: g.id, label: g.name })) };
  }
  const page = await api.places(q, 0, LIMIT);
  return {
    total: page.total,
    targets: page.locations.map((l) => ({
      id: l.id,
      label: [l.name, l.formatted_address].filter(Boolean).join(', ') || `Place number ${l.id}`,
    })),
  };
}

/**
 * "Move the ticked meetings to …": one of the person's groups or places, from the first hundred
 * by name, or those matching what is typed (a large intergroup keeps thousands).
 */
export function MoveTicked(props: {
  kind: Kind;
  disabled: boolean;
  onMove: (target: Target) => void;
}) {
  const [q, setQ] = useState('');
  const list = useLoad(`move-${props.kind}:${q.trim()}`, () => targetsOf(props.kind, q.trim()));
  const [chosen, setChosen] = useState<Target | null>(null);
  const id = `move-${props.kind}`;
  const targets = list.data?.targets ?? [];
  // What was chosen stays a choice while the filter changes.
  const options =
    chosen && !targets.some((t) => t.id === chosen.id) ? [chosen, ...targets] : targets;
  const hint =
    list.data && list.data.total > targets.length
      ? `The first ${targets.length} of ${list.data.total} by name: type part of its ${props.kind === 'place' ? 'name or address' : 'name'} to find another.`
      : null;
  return (
    <fieldset className="move-to">
      <legend>Move the ticked meetings to another {props.kind}</legend>
      <div className="actions">
        <div className="field">
          <label htmlFor={`${id}-filter`}>Find the {props.kind}</label>
          <input
            id={`${id}-filter`}
            type="search"
            value={q}
            autoComplete="off"
            onChange={(e) => setQ(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={id}>The {props.kind} to move them to</label>
          {hint ? (
            <p className="hint" id={`${id}-hint`}>
              {hint}
            </p>
          ) : null}
          <select
            id={id}
            value={chosen ? String(chosen.id) : ''}
            aria-describedby={hint ? `${id}-hint` : undefined}
            onChange={(e) =>
              setChosen(options.find((t) => String(t.id) === e.target.value) ?? null)
            }
          >
            <option value="">
              {list.loading
                ? 'Loading…'
                : options.length === 0
                  ? `No ${props.kind} matches`
                  : `Choose a ${props.kind}`}
            </option>
            {options.map((t) => (
              <option key={t.id} value={String(t.id)}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          onClick={() => chosen && props.onMove(chosen)}
          disabled={props.disabled || !chosen}
        >
          Move to the {props.kind}
        </button>
      </div>
      {list.error ? <p className="message error">{problemOf(list.error).message}</p> : null}
    </fieldset>
  );
}
