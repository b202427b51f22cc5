import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import Supercluster from 'supercluster';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
// The land outline ships with the app (Natural Earth 1:50m): an asset fetched from this site
// when the map opens, never a tile server.
import landUrl from 'world-atlas/land-50m.json?url';
import type { MeetingResult } from '../api-types.ts';
import type { Translate } from '../i18n/translate.ts';
import type { FinderModel } from '../page-model.ts';

interface Props {
  t: Translate;
  meetings: readonly MeetingResult[];
  tiles: FinderModel['tiles'];
  langQuery: string;
}

type Point = { slug: string; name: string };

/** Markers are at least 24 px across (WCAG 2.5.8), clusters larger as they hold more. */
const MARKER_PX = 24;
const CLUSTER_MAX_PX = 44;
/**
 * Clusters gather what lies within this many screen pixels (Supercluster's radius, with its
 * extent set to Leaflet's 256 px tiles): wider than the largest marker, so markers keep apart.
 */
const CLUSTER_RADIUS_PX = 64;
/** The closest zoom; a cluster still there (meetings at one address) lists its meetings. */
const MAX_ZOOM = 18;

/** Enter or Space on an element that acts as a button. */
function onActivateKey(element: HTMLElement, action: () => void): void {
  element.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      event.stopPropagation();
      action();
    }
  });
}

/**
 * The meetings of the list on a map, clustered. Without tiles configured it draws the land from
 * data shipped with the app, so no request leaves the site. The list stays the accessible way
 * to the same meetings; the map says so. From the keyboard, each marker is a button in the Tab
 * order: a cluster zooms in, a meeting opens a popup whose link takes focus; Escape closes it.
 */
export default function MeetingMap({ t, meetings, tiles, langQuery }: Props) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const map = L.map(element, {
      worldCopyJump: true,
      attributionControl: Boolean(tiles),
      zoomControl: false,
      maxZoom: MAX_ZOOM,
      zoomAnimation: !still,
      fadeAnimation: !still,
      markerZoomAnimation: !still,
    });
    // Leaflet's own labels are English; these follow the page's language.
    L.control.zoom({ zoomInTitle: t('zoomIn'), zoomOutTitle: t('zoomOut') }).addTo(map);
    for (const button of element.querySelectorAll<HTMLElement>('.leaflet-control-zoom a')) {
      onActivateKey(button, () => button.click());
    }
    if (tiles) {
      L.tileLayer(tiles.url, { attribution: tiles.attribution ?? '', maxZoom: MAX_ZOOM }).addTo(
        map,
      );
    } else {
      void fetch(landUrl)
        .then((response) => response.json() as Promise<Topology>)
        .then((topology) => {
          const outline = feature(topology, topology.objects.land as never);
          L.geoJSON(outline, {
            style: { color: '#4d7a5e', weight: 1, fillColor: '#f4f8f5', fillOpacity: 1 },
            interactive: false,
          })
            .addTo(map)
            .bringToBack();
        })
        .catch(() => undefined);
    }
    const located = meetings.filter(
      (m) => m.location?.latitude != null && m.location.longitude != null,
    );
    const index = new Supercluster<Point, Point>({
      radius: CLUSTER_RADIUS_PX,
      extent: 256,
      maxZoom: MAX_ZOOM,
    });
    index.load(
      located.map((m) => ({
        type: 'Feature' as const,
        properties: { slug: m.slug, name: m.name },
        geometry: {
          type: 'Point' as const,
          coordinates: [m.location?.longitude ?? 0, m.location?.latitude ?? 0],
        },
      })),
    );

    /** A popup with a link to each meeting, from a marker; from the keyboard, focus goes in. */
    const openMeetings = (marker: L.Marker, points: readonly Point[], fromKeyboard: boolean) => {
      const link = (p: Point) => {
        const a = document.createElement('a');
        a.href = `/meetings/${encodeURIComponent(p.slug)}${langQuery}`;
        a.textContent = p.name;
        return a;
      };
      let content: HTMLElement;
      if (points.length === 1 && points[0]) {
        content = link(points[0]);
      } else {
        content = document.createElement('ul');
        content.className = 'map-popup-list';
        for (const p of points) content.appendChild(document.createElement('li')).append(link(p));
      }
      const popup = L.popup({ autoPanPadding: [MARKER_PX, MARKER_PX], maxHeight: 240 })
        .setLatLng(marker.getLatLng())
        .setContent(content)
        .openOn(map);
      const box = popup.getElement();
      const close = box?.querySelector<HTMLElement>('.leaflet-popup-close-button');
      if (close) {
        close.setAttribute('aria-label', t('closePopup'));
        close.title = t('closePopup');
        onActivateKey(close, () => close.click());
      }
      box?.addEventListener('keydown', (event) => {
        if (event.key === 'Escape') map.closePopup(popup);
      });
      // Closing the popup with focus in it (Escape, its close button) puts focus back on the
      // marker. With fading on, the popup is still in the page as it closes.
      popup.on('remove', () => {
        const icon = marker.getElement();
        const active = document.activeElement;
        const lost = active === null || active === document.body || box?.contains(active);
        if (icon?.isConnected && lost) icon.focus({ preventScroll: true });
      });
      if (fromKeyboard) {
        (content instanceof HTMLAnchorElement ? content : content.querySelector('a'))?.focus({
          preventScroll: true,
        });
      }
    };

    // The markers on the map, by cluster or meeting: a pan keeps those still in view (and the
    // focus on one of them), a zoom replaces them.
    const layer = L.layerGroup().addTo(map);
    const shown = new Map<string, L.Marker>();
    const draw = () => {
      const b = map.getBounds();
      const clusters = index.getClusters(
        [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()],
        Math.round(map.getZoom()),
      );
      const keys = clusters.map((c) =>
        'point_count' in c.properties ? `cluster:${String(c.id)}` : `meeting:${c.properties.slug}`,
      );
      const wanted = new Set(keys);
      let focusLost = false;
      for (const [key, marker] of shown) {
        if (wanted.has(key)) continue;
        if (marker.getElement()?.contains(document.activeElement)) focusLost = true;
        layer.removeLayer(marker);
        shown.delete(key);
      }
      clusters.forEach((c, i) => {
        const key = keys[i] ?? '';
        if (shown.has(key)) return;
        const [lng = 0, lat = 0] = c.geometry.coordinates;
        const count = 'point_count' in c.properties ? Number(c.properties.point_count) : 1;
        const size =
          count > 1
            ? Math.min(CLUSTER_MAX_PX, MARKER_PX + 4 + Math.round(Math.log2(count) * 3))
            : MARKER_PX;
        const label = count > 1 ? t('mapCluster', { count }) : c.properties.name;
        const marker = L.marker([lat, lng], {
          icon: L.divIcon({
            className: count > 1 ? 'map-marker cluster' : 'map-marker',
            // The count is drawn; the button's name says it in words.
            html: count > 1 ? `<span aria-hidden="true">${count}</span>` : '',
            iconSize: [size, size],
          }),
          keyboard: true,
          title: label,
          riseOnHover: true,
        });
        const activate = (fromKeyboard: boolean) => {
          if (!('point_count' in c.properties)) {
            openMeetings(marker, [c.properties], fromKeyboard);
            return;
          }
          const id = Number(c.id);
          const zoom = index.getClusterExpansionZoom(id);
          if (zoom > map.getMaxZoom()) {
            // At one address (or nearly): the meetings there, as a list.
            const leaves = index.getLeaves(id, Infinity).map((leaf) => leaf.properties);
            openMeetings(marker, leaves, fromKeyboard);
          } else if (still) {
            map.setView([lat, lng], zoom, { animate: false });
          } else {
            map.flyTo([lat, lng], zoom);
          }
        };
        marker.on('click', () => activate(false));
        marker.addTo(layer);
        shown.set(key, marker);
        const icon = marker.getElement();
        if (icon) {
          icon.setAttribute('aria-label', label);
          onActivateKey(icon, () => activate(true));
        }
      });
      // The focused marker gave way to others: the map keeps the focus, not the page.
      if (focusLost) element.focus({ preventScroll: true });
    };
    if (located.length > 0) {
      const bounds = L.latLngBounds(
        located.map(
          (m) => [m.location?.latitude ?? 0, m.location?.longitude ?? 0] as [number, number],
        ),
      );
      map.fitBounds(bounds.pad(0.2), { maxZoom: 13 });
    } else {
      map.setView([20, 0], 2);
    }
    map.on('moveend', draw);
    draw();
    return () => {
      map.remove();
    };
  }, [meetings, tiles, langQuery, t]);

  return (
    <figure className="map-figure">
      <div
        ref={container}
        className="map"
        role="region"
        aria-label={t('mapLabel')}
        aria-describedby="map-caption"
      />
      <figcaption id="map-caption">
        {t('mapListAlternative')} {t('mapKeys')}
      </figcaption>
    </figure>
  );
}
