import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useEffect, useEffectEvent, useRef } from 'react';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
// The land outline ships with the app, as on the finder's map: no tile server unless configured.
import landUrl from 'world-atlas/land-50m.json?url';
import type { AdminConfig } from '../admin-config.ts';

export interface PinMapProps {
  readonly id: string;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly tiles: AdminConfig['tiles'];
  /** The pin was dragged, nudged with the keys, or put down with a click. */
  readonly onMove: (latitude: number, longitude: number) => void;
}

/** The pin's target: 32 px, over the 24 px WCAG 2.5.8 asks for. */
const PIN_PX = 32;
/** How far an arrow key moves the pin, in screen pixels (Shift: further). */
const NUDGE_PX = 8;
const ROUND = 1e6;

const round = (n: number) => Math.round(n * ROUND) / ROUND;

/**
 * A map with the meeting's pin, to drag to the door. From the keyboard the pin is a button in
 * the Tab order whose arrow keys move it; the latitude and longitude fields beside the map are
 * the same point as text. Without tiles configured the map shows the coastline only.
 */
export default function PinMap(props: PinMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const markerRef = useRef<L.Marker | null>(null);
  const moved = useEffectEvent((lat: number, lng: number) => props.onMove(round(lat), round(lng)));
  const hasPoint = props.latitude !== null && props.longitude !== null;

  useEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const map = L.map(element, {
      attributionControl: Boolean(props.tiles),
      zoomAnimation: !still,
      fadeAnimation: !still,
      markerZoomAnimation: !still,
      maxZoom: 19,
    });
    mapRef.current = map;
    for (const button of element.querySelectorAll<HTMLElement>('.leaflet-control-zoom a')) {
      button.setAttribute('aria-label', button.title);
      button.addEventListener('keydown', (event) => {
        if (event.key === ' ') {
          event.preventDefault();
          button.click();
        }
      });
    }
    if (props.tiles) {
      L.tileLayer(props.tiles.url, {
        attribution: props.tiles.attribution ?? '',
        maxZoom: 19,
      }).addTo(map);
    } else {
      void fetch(landUrl)
        .then((response) => response.json() as Promise<Topology>)
        .then((topology) => {
          L.geoJSON(feature(topology, topology.objects.land as never), {
            style: { color: '#4d7a5e', weight: 1, fillColor: '#f4f8f5', fillOpacity: 1 },
            interactive: false,
          })
            .addTo(map)
            .bringToBack();
        })
        .catch(() => undefined);
    }
    const marker = L.marker([0, 0], {
      draggable: true,
      keyboard: true,
      autoPan: true,
      title: 'The meeting’s pin',
      icon: L.divIcon({
        className: 'pin-marker',
        html: '<span aria-hidden="true"></span>',
        iconSize: [PIN_PX, PIN_PX],
        iconAnchor: [PIN_PX / 2, PIN_PX],
      }),
    });
    markerRef.current = marker;
    marker.on('dragend', () => {
      const at = marker.getLatLng();
      moved(at.lat, at.lng);
    });
    map.on('click', (event: L.LeafletMouseEvent) => {
      marker.setLatLng(event.latlng);
      if (!map.hasLayer(marker)) marker.addTo(map);
      moved(event.latlng.lat, event.latlng.lng);
    });
    const nudge = (event: KeyboardEvent) => {
      const step = event.shiftKey ? NUDGE_PX * 5 : NUDGE_PX;
      const delta = {
        ArrowUp: [0, -step],
        ArrowDown: [0, step],
        ArrowLeft: [-step, 0],
        ArrowRight: [step, 0],
      }[event.key];
      if (!delta) return;
      event.preventDefault();
      event.stopPropagation();
      const point = map
        .latLngToContainerPoint(marker.getLatLng())
        .add(L.point(delta[0] ?? 0, delta[1] ?? 0));
      const at = map.containerPointToLatLng(point);
      marker.setLatLng(at);
      map.panInside(at, { padding: [PIN_PX, PIN_PX] });
      moved(at.lat, at.lng);
    };
    marker.on('add', () => {
      const icon = marker.getElement();
      if (!icon) return;
      icon.setAttribute('aria-label', 'The meeting’s pin: arrow keys move it');
      icon.setAttribute('aria-describedby', `${props.id}-help`);
      icon.addEventListener('keydown', nudge);
    });
    map.setView([20, 0], 2);
    return () => {
      map.remove();
      mapRef.current = null;
      markerRef.current = null;
    };
  }, [props.tiles, props.id]);

  // The point from outside (typed, found from the address): the pin goes there, in view.
  useEffect(() => {
    const map = mapRef.current;
    const marker = markerRef.current;
    if (!map || !marker) return;
    if (props.latitude === null || props.longitude === null) {
      marker.remove();
      return;
    }
    const at = L.latLng(props.latitude, props.longitude);
    const shown = map.hasLayer(marker);
    marker.setLatLng(at);
    if (!shown) {
      marker.addTo(map);
      map.setView(at, props.tiles ? 17 : 11, { animate: false });
    } else if (!map.getBounds().pad(-0.1).contains(at)) {
      map.setView(at, map.getZoom(), { animate: false });
    }
  }, [props.latitude, props.longitude, props.tiles]);

  return (
    <figure className="map-figure pin-map">
      <div
        ref={container}
        id={props.id}
        className="map"
        role="region"
        aria-label="Map of the meeting’s place"
        aria-describedby={`${props.id}-help`}
      />
      <figcaption id={`${props.id}-help`}>
        {hasPoint
          ? 'Drag the pin to the door, or click the map where it is. From the keyboard: Tab to the pin and move it with the arrow keys (Shift moves it further).'
          : 'No point yet: find the address on the map, click the map where the meeting is, or type the latitude and longitude.'}
        {props.tiles
          ? ''
          : ' This server shows no street map, only the coastline: for an exact point, copy the coordinates from a map you trust.'}
      </figcaption>
    </figure>
  );
}
