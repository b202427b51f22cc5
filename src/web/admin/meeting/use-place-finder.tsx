import { type ReactNode, useEffect, useEffectEvent, useState } from 'react';
import { ApiError, api } from '../api-client.ts';
import { FocusMessage } from '../components/FocusMessage.tsx';
import { sentence } from '../format.ts';
import { pointOf } from './coordinates.ts';
import type { MeetingForm } from './meeting-form.ts';

const ZONE_DELAY_MS = 400;

/**
 * The "where" helpers of a meeting's form: coordinates for the address from the offline
 * gazetteer (roughly: the postcode's or town's centre), and the time zone the server works out
 * at the pin, asked again a moment after the pin stops moving.
 */
export function usePlaceFinder(args: {
  form: MeetingForm;
  onForm: (form: MeetingForm) => void;
  baseline: MeetingForm;
  savedZone: string | null;
  zoneAt: (latitude: number, longitude: number) => Promise<string | null>;
}): { place: ReactNode; onFindAddress: () => void; finding: boolean } {
  const { form, baseline } = args;
  const [finding, setFinding] = useState(false);
  const [found, setFound] = useState<{ text: string; ok: boolean } | null>(null);
  const [pointZone, setPointZone] = useState<{ key: string; zone: string | null } | null>(null);
  const lat = form.text.latitude;
  const lng = form.text.longitude;
  const key = `${lat.trim()},${lng.trim()}`;
  const atSaved = lat === baseline.text.latitude && lng === baseline.text.longitude;
  const lookUp = useEffectEvent(args.zoneAt);

  useEffect(() => {
    const point = pointOf(lat, lng);
    if (atSaved || point === null) return undefined;
    let live = true;
    const timer = window.setTimeout(() => {
      lookUp(point.latitude, point.longitude).then(
        (zone) => {
          if (live) setPointZone({ key: `${lat.trim()},${lng.trim()}`, zone });
        },
        () => {
          if (live) setPointZone({ key: `${lat.trim()},${lng.trim()}`, zone: null });
        },
      );
    }, ZONE_DELAY_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [lat, lng, atSaved]);

  const onFindAddress = () => {
    const address = form.text.formatted_address.trim();
    if (address.length < 2) {
      setFound({ text: 'Type the address first, then find it.', ok: false });
      return;
    }
    setFinding(true);
    api
      .geocode(address)
      .then(
        (point) => {
          const latitude = String(point.latitude);
          const longitude = String(point.longitude);
          args.onForm({ ...form, text: { ...form.text, latitude, longitude } });
          setPointZone({ key: `${latitude},${longitude}`, zone: point.timezone });
          setFound({
            text: `The pin is at the centre of ${point.matched}, roughly: drag it to the door.`,
            ok: true,
          });
        },
        (error: unknown) => {
          setFound({
            text:
              error instanceof ApiError
                ? sentence(error.message, error.field)
                : 'The address could not be looked up just now.',
            ok: false,
          });
        },
      )
      .finally(() => setFinding(false));
  };

  const coordinatesGiven = pointOf(lat, lng) !== null;
  const zone = atSaved
    ? args.savedZone
    : pointZone?.key === key
      ? pointZone.zone
      : coordinatesGiven
        ? undefined
        : null;
  const addressMoved =
    form.text.formatted_address.trim() !== baseline.text.formatted_address.trim() && atSaved;
  const place = (
    <>
      {found ? (
        <FocusMessage kind={found.ok ? 'info' : 'error'} nonce={found}>
          {found.text}
        </FocusMessage>
      ) : null}
      {addressMoved && baseline.text.latitude ? (
        <p className="message info">
          A new address takes the meeting off the map until it is placed again: find the address on
          the map, or put the pin where it is.
        </p>
      ) : null}
      <p className="zone" aria-live="polite">
        Time zone:{' '}
        <strong>
          {zone === undefined ? 'working it out…' : (zone ?? 'worked out when you save')}
        </strong>
        <span className="hint"> (from where the pin is; meeting times are in this zone)</span>
      </p>
    </>
  );
  return { place, onFindAddress, finding };
}
